"""Loading the shipped laws of data/legislation/ (listed in laws.csv) with their sources."""

import functools
from pathlib import Path

from django.conf import settings

from ctassist.reference import LoadReport, ReferenceDataError, read_rows
from legislation.document import ParsedLaw, SegmentationError
from legislation.models import LawKind, LawStatus
from legislation.segmentation import segment
from legislation.services import import_law
from states.models import State

COLUMNS = [
    "file",
    "slug",
    "state",
    "language",
    "kind",
    "title",
    "number",
    "adopted_on",
    "in_force_on",
    "last_amended_on",
    "version_date",
    "status",
    "note",
]


def source_line(path: Path, text: str) -> tuple[dict[str, str], str]:
    """The '# SOURCE: … | LICENCE: …' first line of a shipped text, and the text after it."""
    first, _newline, rest = text.partition("\n")
    if not first.startswith("# SOURCE:"):
        raise ReferenceDataError(path, 1, None, "the first line must be '# SOURCE: … | LICENCE: …'")
    fields = {}
    for part in first.lstrip("# ").split(" | "):
        key, _sep, value = part.partition(":")
        fields[key.strip().upper()] = value.strip()
    return fields, rest


def load_laws(report: LoadReport) -> None:
    folder = Path(settings.LEGISLATION_DIR)
    rows = list(read_rows(folder / "laws.csv", COLUMNS))
    rows.sort(key=lambda row: (row.text("slug"), row.text("version_date")))
    states = {state.iso3: state for state in State.objects.all()}
    # A law's own facts (and its source) are those of its latest version.
    latest = {row.text("slug"): row for row in rows}
    for row in rows:
        path = folder / row.text("file", required=True)
        if not path.is_file():
            raise row.error("file", f"{path.name} is not in {folder}")
        state = states.get(row.text("state", required=True))
        if state is None:
            raise row.error("state", f"{row.text('state')!r} is not a state of states.csv")
        fields, text = source_line(path, path.read_text(encoding="utf-8"))
        slug = row.text("slug", required=True)
        law_row = latest[slug]
        law_fields = (
            fields
            if law_row is row
            else source_line(
                folder / law_row.text("file"), (folder / law_row.text("file")).read_text(encoding="utf-8")
            )[0]
        )
        law_values = {
            "state": state,
            "language": law_row.text("language", required=True),
            "kind": law_row.choice("kind", LawKind.values, required=True),
            "status": law_row.choice("status", LawStatus.values, required=True),
            "title": law_row.text("title", required=True),
            "number": law_row.text("number"),
            "adopted_on": law_row.date("adopted_on"),
            "in_force_on": law_row.date("in_force_on"),
            "last_amended_on": law_row.date("last_amended_on"),
            "source": law_fields.get("SOURCE", ""),
            "licence": law_fields.get("LICENCE", ""),
            "published": True,
        }
        imported = import_law(
            law_values,
            functools.partial(_segment, path, text, law_values["language"]),  # only if the text changed
            slug=slug,
            valid_from=row.date("version_date"),
            source=fields.get("SOURCE", ""),
            note=row.text("note"),
            original=text.encode(),
            update_law=True,
            skip_unchanged=True,
        )
        report.count("laws", imported.law_outcome)
        report.count("law versions", imported.version_outcome)


def _segment(path: Path, text: str, language: str) -> ParsedLaw:
    try:
        return segment(text, language)
    except SegmentationError as exc:
        raise ReferenceDataError(path, exc.line, None, str(exc)) from exc
