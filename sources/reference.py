"""Loading the register of sources from data/reference/sources/*.csv and the aliases of
provenance strings from data/reference/source_aliases.csv."""

import re

from ctassist.reference import LoadReport, ReferenceDataError, read_rows, reference_path, save_if_changed
from sources.citations import KEY, unknown_keys
from sources.models import ProvenanceAlias, Source, SourceKind

SOURCE_COLUMNS = ["key", "title", "publisher", "date", "url", "kind", "licence", "note"]
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")


def title_language(row) -> str:
    """The optional `language` column: the title's language where its script does not tell."""
    language = row.text("language")
    if language and not LANGUAGE_CODE.match(language):
        raise row.error("language", f"{language!r} is not a two-letter ISO 639-1 code")
    return language


def load_sources(report: LoadReport) -> dict[str, Source]:
    folder = reference_path("sources")
    files = sorted(folder.glob("*.csv"))
    if not files:
        raise ReferenceDataError(folder, None, None, "no source register (*.csv) found")
    seen: dict[str, str] = {}
    saved = {}
    for path in files:
        for row in read_rows(path, SOURCE_COLUMNS):
            key = row.text("key", required=True)
            if not KEY.match(key):
                raise row.error("key", f"{key!r}: use lower-case letters, digits and hyphens")
            if key in seen:
                raise row.error("key", f"{key!r} is already defined in {seen[key]}")
            seen[key] = path.name
            date = row.text("date")
            if date and not PARTIAL_DATE.match(date):
                raise row.error("date", f"{date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
            values = {
                "title": row.text("title", required=True),
                "publisher": row.text("publisher"),
                "date": date,
                "url": row.text("url"),
                "kind": row.choice("kind", SourceKind.values, required=True),
                "licence": row.text("licence"),
                "note": row.text("note"),
                "language": title_language(row),
            }
            saved[key] = save_if_changed(Source, {"key": key}, values, report, "sources")
    load_aliases(report, saved)
    Source.objects.exclude(key__in=saved).delete()
    return saved


def load_aliases(report: LoadReport, sources: dict[str, Source]) -> None:
    path = reference_path("source_aliases.csv")
    prefixes = []
    for row in read_rows(path, ["prefix", "citation"]):
        prefix = row.text("prefix", required=True)
        if prefix in prefixes:
            raise row.error("prefix", "this prefix appears twice")
        prefixes.append(prefix)
        citation = check_citation(row, "citation", sources, required=True)
        save_if_changed(
            ProvenanceAlias, {"prefix": prefix}, {"citation": citation}, report, "provenance aliases"
        )
    ProvenanceAlias.objects.exclude(prefix__in=prefixes).delete()


def check_citation(row, column: str, keys, required: bool = False) -> str:
    """A citation column (`key locator; key locator`): every key must be registered."""
    text = row.text(column, required=required)
    missing = unknown_keys(text, keys)
    if missing:
        raise row.error(column, f"unknown source key(s): {', '.join(missing)} (see data/reference/sources/)")
    return text
