"""Loading the 19 universal instruments and their official titles from data/reference/."""

from ctassist.languages import UN_LANGUAGES
from ctassist.reference import LoadReport, read_rows, reference_path, save_if_changed
from instruments.models import (
    DelayUnit,
    Depositary,
    Instrument,
    InstrumentTitle,
    LaterStateRule,
    Relation,
)
from sources.models import Source
from sources.reference import check_citation

SLUGS = [
    "tokyo-1963",
    "hague-1970",
    "montreal-1971",
    "diplomatic-agents-1973",
    "hostages-1979",
    "cppnm-1980",
    "airports-1988",
    "sua-1988",
    "fixed-platforms-1988",
    "plastic-explosives-1991",
    "bombings-1997",
    "financing-1999",
    "nuclear-terrorism-2005",
    "cppnm-amendment-2005",
    "sua-protocol-2005",
    "fixed-platforms-protocol-2005",
    "beijing-2010",
    "beijing-protocol-2010",
    "montreal-protocol-2014",
]

INSTRUMENT_COLUMNS = [
    "slug",
    "position",
    "short_name",
    "adoption_date",
    "adoption_place",
    "opened_for_signature",
    "signature_place",
    "entry_into_force_date",
    "depositary",
    "depositary_detail",
    "eif_clause_general",
    "eif_clause_later",
    "eif_threshold",
    "eif_threshold_basis",
    "eif_delay",
    "eif_delay_unit",
    "later_delay",
    "later_delay_unit",
    "later_rule",
    "eif_special",
    "relates_to",
    "relation",
    "source_adoption",
    "source_entry_into_force",
    "source_depositary",
    "source_eif_clause",
    "source_opened_for_signature",
    "cite_adoption",
    "cite_entry_into_force",
    "cite_depositary",
    "cite_eif_clause",
    "cite_opened_for_signature",
]
FACTS = ("adoption", "entry_into_force", "depositary", "eif_clause", "opened_for_signature")

# Facts that the research supplement may add where instruments.csv leaves a gap.
SUPPLEMENT_FIELDS = {
    "opened_for_signature": ("opened_for_signature", "opened_for_signature"),
    "signature_place": ("signature_place", "opened_for_signature"),
    "eif_clause_general": ("eif_clause_general", "eif_clause"),
    "eif_clause_later": ("eif_clause_later", "eif_clause"),
    "eif_date": ("entry_into_force_date", "entry_into_force"),
    "depositary": ("depositary_detail", "depositary"),
}


def _instrument_values(row, keys) -> tuple[str, dict, str]:
    slug = row.choice("slug", SLUGS, required=True)
    adoption = row.date("adoption_date", required=True)
    opened = row.date("opened_for_signature")
    in_force = row.date("entry_into_force_date")
    if opened and opened < adoption:
        raise row.error("opened_for_signature", f"{opened} is before the adoption date {adoption}")
    if in_force and in_force < adoption:
        raise row.error("entry_into_force_date", f"{in_force} is before the adoption date {adoption}")
    values = {
        "position": row.integer("position", required=True),
        "short_name": row.text("short_name", required=True),
        "adoption_date": adoption,
        "adoption_place": row.text("adoption_place", required=True),
        "opened_for_signature": opened,
        "signature_place": row.text("signature_place"),
        "entry_into_force_date": in_force,
        "depositary": row.choice("depositary", Depositary.values, required=True),
        "depositary_detail": row.text("depositary_detail"),
        "eif_clause_general": row.text("eif_clause_general"),
        "eif_clause_later": row.text("eif_clause_later"),
        "eif_threshold": row.integer("eif_threshold"),
        "eif_threshold_basis": row.text("eif_threshold_basis"),
        "eif_delay": row.integer("eif_delay"),
        "eif_delay_unit": row.choice("eif_delay_unit", DelayUnit.values),
        "later_delay": row.integer("later_delay"),
        "later_delay_unit": row.choice("later_delay_unit", DelayUnit.values),
        "later_rule": row.choice("later_rule", LaterStateRule.values),
        "eif_special": row.text("eif_special"),
        "relation": row.choice("relation", Relation.values),
        "sources": {fact: row.text(f"source_{fact}") for fact in FACTS if row.text(f"source_{fact}")},
        "citations": {
            fact: check_citation(row, f"cite_{fact}", keys) for fact in FACTS if row.text(f"cite_{fact}")
        },
    }
    if (values["later_delay"] is None) != (not values["later_delay_unit"]):
        raise row.error("later_delay_unit", "give both later_delay and later_delay_unit, or neither")
    if in_force and "entry_into_force" not in values["sources"]:
        raise row.error("source_entry_into_force", "the entry-into-force date needs a source")
    return slug, values, row.text("relates_to")


# The field that holds each cited fact: a fact that has a value needs its citation.
FACT_FIELDS = {
    "adoption": "adoption_date",
    "entry_into_force": "entry_into_force_date",
    "depositary": "depositary",
    "eif_clause": "eif_clause_general",
    "opened_for_signature": "opened_for_signature",
}


def _check_cited(row, values: dict) -> None:
    for fact, field in FACT_FIELDS.items():
        if values[field] and fact not in values["citations"]:
            raise row.error(f"cite_{fact}", f"{field} needs its citation from the register of sources")


def _apply_supplement(values_by_slug: dict[str, dict], keys) -> None:
    path = reference_path("instrument_facts_supplement.csv")
    if not path.exists():
        return
    for row in read_rows(path, ["slug", "field", "value", "quote", "source", "citation"]):
        slug = row.choice("slug", SLUGS, required=True)
        fact = row.choice("field", SUPPLEMENT_FIELDS, required=True)
        model_field, source_key = SUPPLEMENT_FIELDS[fact]
        values = values_by_slug[slug]
        value = (
            row.date("value", required=True)
            if fact in ("opened_for_signature", "eif_date")
            else row.text("value", required=True)
        )
        current = values[model_field]
        if current and current != value:
            continue  # instruments.csv already states this fact with its own source
        values[model_field] = value
        values["sources"][source_key] = row.text("source", required=True)
        values["citations"][source_key] = check_citation(row, "citation", keys, required=True)


def _apply_denunciation(values_by_slug: dict[str, dict]) -> None:
    path = reference_path("denunciation.csv")
    for values in values_by_slug.values():
        values.update(denunciation_delay=None, denunciation_delay_unit="", denunciation_clause="")
    for row in read_rows(path, ["slug", "article", "delay", "delay_unit", "quote", "source"]):
        values = values_by_slug[row.choice("slug", SLUGS, required=True)]
        values["denunciation_delay"] = row.integer("delay", required=True)
        values["denunciation_delay_unit"] = row.choice("delay_unit", ["days", "months"], required=True)
        values["denunciation_clause"] = (
            f'Art. {row.text("article", required=True)}: "{row.text("quote", required=True)}"'
        )
        values["sources"]["denunciation"] = row.text("source", required=True)


TRANSLATED_FIELDS = ("adoption_place", "signature_place", "eif_threshold_basis")


def _apply_translations(values_by_slug: dict[str, dict], keys) -> None:
    """ctassist's own translations of places and thresholds, matched on the English text."""
    path = reference_path("instrument_translations.csv")
    table: dict[tuple[str, str], dict[str, str]] = {}
    for row in read_rows(path, ["field", *UN_LANGUAGES, "source"]):
        field = row.choice("field", TRANSLATED_FIELDS, required=True)
        english = row.text("en", required=True)
        if (field, english) in table:
            raise row.error("en", f"{english!r} is translated twice")
        check_citation(row, "source", keys, required=True)
        table[(field, english)] = {
            language: row.text(language)
            for language in UN_LANGUAGES
            if language != "en" and row.text(language)
        }
    for values in values_by_slug.values():
        values["translations"] = {
            field: table[(field, values[field])]
            for field in TRANSLATED_FIELDS
            if (field, values[field]) in table
        }
        values["citations"]["translations"] = "ctassist-translations"


def load_instruments(report: LoadReport) -> None:
    path = reference_path("instruments.csv")
    keys = set(Source.objects.values_list("key", flat=True))
    parsed = [(row, *_instrument_values(row, keys)) for row in read_rows(path, INSTRUMENT_COLUMNS)]
    slugs = [slug for _row, slug, _values, _rel in parsed]
    for row, slug, _values, _rel in parsed:
        if slugs.count(slug) > 1:
            raise row.error("slug", f"{slug} appears twice")
    missing = sorted(set(SLUGS) - set(slugs))
    if missing:
        raise row.error(None, f"instruments missing from the file: {', '.join(missing)}")
    values_by_slug = {slug: values for _row, slug, values, _rel in parsed}
    _apply_supplement(values_by_slug, keys)
    _apply_denunciation(values_by_slug)
    _apply_translations(values_by_slug, keys)
    for row, _slug, values, _rel in parsed:
        _check_cited(row, values)

    saved = {
        slug: save_if_changed(Instrument, {"slug": slug}, values, report, "instruments")
        for _row, slug, values, _relates in parsed
    }
    # Relations point at other instruments, so they are set once all exist.
    for row, slug, _values, relates in parsed:
        if relates and relates not in saved:
            raise row.error("relates_to", f"{relates!r} is not an instrument slug")
        instrument = saved[slug]
        if instrument.relates_to != saved.get(relates):
            instrument.relates_to = saved.get(relates)
            instrument.save(update_fields=["relates_to"])
            report.count("instrument relations", "updated")
    load_titles(report, saved, keys)


def load_titles(report: LoadReport, instruments: dict[str, Instrument], keys) -> None:
    path = reference_path("instrument_titles.csv")
    seen = set()
    for row in read_rows(path, ["slug", "language", "title", "source", "note", "citation"]):
        slug = row.choice("slug", SLUGS, required=True)
        language = row.choice("language", UN_LANGUAGES, required=True)
        if (slug, language) in seen:
            raise row.error("language", f"a second {language} title for {slug}")
        seen.add((slug, language))
        save_if_changed(
            InstrumentTitle,
            {"instrument": instruments[slug], "language": language},
            {
                "title": row.text("title", required=True),
                "source": row.text("source", required=True),
                "citation": check_citation(row, "citation", keys, required=True),
                "note": row.text("note"),
            },
            report,
            "official titles",
        )
    without_english = [slug for slug in SLUGS if (slug, "en") not in seen]
    if without_english:
        raise row.error("language", f"no English title for {', '.join(without_english)}")
