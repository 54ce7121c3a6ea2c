"""Reading the roster: filters, counts and language names shared by the pages and the API."""

import json
from collections import Counter
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from ctassist.languages import babel_locale, data_language
from experts.models import AdvisoryGroup, Expert, LegalSystem
from states.models import Area


def with_details(queryset):
    """What a roster line shows, in a fixed number of queries."""
    return queryset.select_related("nationality").prefetch_related(
        "regions", "instruments__titles", "advisory_groups", "activities"
    )


def area_and_inside(code: str) -> set[str]:
    """The M49 code and the codes of every area inside it: experience of Eastern Africa is
    experience of Africa, so a filter on Africa finds it."""
    children: dict[str | None, list[str]] = {}
    for area_code, parent_code in Area.objects.values_list("code", "parent__code"):
        children.setdefault(parent_code, []).append(area_code)
    found, todo = set(), [code]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(children.get(current, []))
    return found


def _json_list_has(field: str, value: str) -> dict:
    # `contains` on a JSON list does not exist on SQLite; the quoted value is matched in the
    # stored JSON text instead, which works on SQLite and PostgreSQL alike (codes hold no quotes).
    return {f"{field}__icontains": json.dumps(value)}


def filter_roster(
    queryset,
    region: str = "",
    legal_system: str = "",
    language: str = "",
    instrument: str = "",
    available: bool | None = None,
):
    if region:
        queryset = queryset.filter(regions__code__in=area_and_inside(region))
    if legal_system:
        queryset = queryset.filter(**_json_list_has("legal_systems", legal_system))
    if language:
        queryset = queryset.filter(**_json_list_has("languages", language.lower()))
    if instrument:
        queryset = queryset.filter(instruments__slug=instrument)
    if available is not None:
        queryset = queryset.filter(active=available)
    return queryset.distinct()


def counts(experts: list[Expert]) -> dict:
    """How many experts the list holds, by legal system and language, and how many are available."""
    systems = Counter(system for expert in experts for system in expert.legal_systems)
    languages = Counter(code for expert in experts for code in expert.languages)
    return {
        "total": len(experts),
        "available": sum(1 for expert in experts if expert.active),
        "legal_systems": [(label, systems[value]) for value, label in LegalSystem.choices if systems[value]],
        "languages": [(language_name(code), n) for code, n in sorted(languages.items())],
    }


@lru_cache(maxsize=8)
def _language_names(interface_language: str) -> dict[str, str]:
    try:
        return Locale.parse(babel_locale(interface_language)).languages
    except (UnknownLocaleError, ValueError):
        return {}


def language_name(code: str) -> str:
    """A language code as a name in the interface language (CLDR, through Babel), or the code."""
    return _language_names(data_language()).get(code, code)


def legal_system_labels(codes: list[str]) -> list[str]:
    labels = dict(LegalSystem.choices)
    return [str(labels.get(code, code)) for code in codes]


def groups_by_region(groups) -> list[tuple[str, list[AdvisoryGroup]]]:
    """Advisory groups under the name of their region (those without one last), then by legal system."""
    sections: dict[str, list[AdvisoryGroup]] = {}
    ordered = sorted(
        groups, key=lambda g: (g.region is None, g.region.code if g.region else "", g.legal_system)
    )
    for group in ordered:
        sections.setdefault(group.region.name() if group.region else "", []).append(group)
    return list(sections.items())
