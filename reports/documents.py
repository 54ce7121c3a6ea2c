"""The Secretary-General's report on a resolution as DOCX and PDF, in the six UN languages
(ctassist/documents: the fonts, the page, right to left for Arabic).

The same lines go into both documents (`figure_lines`, `report_notes`): each figure with its
value computed from the records, its table, and, where a published report printed another
value, both values and the note; the dates the data are as at; whether the report counts
confidential records (an internal report, marked "Internal — not for publication") or not
(a public one)."""

import datetime
import re
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ctassist import numbers
from ctassist.documents import pdf, word
from ctassist.documents.fonts import LEFT_TO_RIGHT_MARK, direction_of, is_right_to_left
from ctassist.languages import data_language, django_language
from reports.drafts import default_sections, default_title
from reports.figures.base import Figure, ReportFigures
from reports.models import Body, ReportDraft, Resolution
from reports.serialization import as_at_dates

# A figure that counts thousands of records lists the first ones in a document; the web
# page and the API list them all.
RECORDS_LISTED = 300

# In the PDF, a table longer than this prints one paragraph per row, every cell in it with its
# column's heading: WeasyPrint lays out a table's cells one by one, and the report's long
# tables (184 states assisted, 120 workshops with their states) took most of the report's
# time as tables (benchmarks/README.md). The DOCX keeps them as tables; nothing is left out.
LONG_TABLE_ROWS = 40


@dataclass
class Text:
    text: str
    language: str


@dataclass
class Section:
    key: str
    heading: str
    text: str
    figures: list[Figure] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [part.strip() for part in self.text.split("\n\n") if part.strip()]


@dataclass
class ReportDocument:
    title: str
    language: str
    resolution: Resolution
    figures: ReportFigures
    sections: list[Section]
    generated_at: datetime.datetime | None = None

    @property
    def internal(self) -> bool:
        return self.figures.internal


def cell_text(value, language: str | None = None) -> str:
    """A value or a cell as the report's language writes it: numbers grouped by the one
    helper of ctassist (ctassist/numbers.py), dates in ISO form, nothing as a dash. Call with
    the document's language active, or give it."""
    return numbers.text(value, language)


def build(title: str, resolution: Resolution, figures: ReportFigures, prose, generated_at=None):
    """`prose`: (key, heading, text) of each section, in order. A figure whose section has
    no prose section of that key goes into a last section of other figures."""
    sections = [Section(key, heading, text) for key, heading, text in prose]
    by_key = {section.key: section for section in sections}
    others = Section("other", "", "")
    for figure in figures.figures:
        by_key.get(figure.section, others).figures.append(figure)
    if others.figures:
        with translation.override(django_language(figures.language)):
            others.heading = _("Other figures")
        sections.append(others)
    return ReportDocument(title, figures.language, resolution, figures, sections, generated_at)


def for_draft(draft: ReportDraft, figures: ReportFigures) -> ReportDocument:
    prose = [(s.key, s.heading, s.text) for s in draft.sections.all()]
    return build(draft.title, draft.resolution, figures, prose, draft.generated_at)


def for_resolution(resolution: Resolution, figures: ReportFigures) -> ReportDocument:
    """The report with the default sections and no prose (the `report` command)."""
    language = figures.language
    prose = [(key, heading, "") for key, heading in default_sections(language)]
    title = default_title(resolution, figures.start, figures.end, language)
    return build(title, resolution, figures, prose)


# The lines both documents print, in the document's language (call with it active).


def resolution_line(document: ReportDocument) -> tuple[str, Text | None, str]:
    """What precedes the resolution's title, the title (in its own language), and a note
    when the title is not in the report's language."""
    resolution = document.resolution
    body = Body(resolution.body).label
    if resolution.adopted_on:
        lead = _("%(body)s resolution %(code)s of %(date)s") % {
            "body": body, "code": resolution.code, "date": date_format(resolution.adopted_on)}  # fmt: skip
    else:
        lead = _("%(body)s resolution %(code)s") % {"body": body, "code": resolution.code}
    title, language = resolution.title_or_english(document.language)
    if not title:
        return lead, None, _("ctassist has no title of this resolution.")
    gap = ""
    if language != document.language:
        gap = _(
            "ctassist has no title of this resolution in this language; "
            "the title is shown as a source gives it."
        )
    return lead, Text(title, language), gap


def report_notes(document: ReportDocument) -> list[str]:
    figures = document.figures
    notes = [
        _("Period covered: %(start)s to %(end)s.")
        % {"start": date_format(figures.start), "end": date_format(figures.end)}  # fmt: skip
    ]
    if figures.internal:
        notes.append(_("This internal report counts confidential records."))
    else:
        notes.append(_("This public report counts no confidential records."))
    dates = as_at_dates(figures)
    if dates:
        notes.append(
            _("The data are as at: %(dates)s.") % {"dates": ", ".join(date_format(day) for day in dates)}
        )
    if document.generated_at:
        notes.append(
            _("Figures computed from the records of ctassist on %(date)s.")
            % {"date": date_format(document.generated_at.date())}
        )
    else:
        notes.append(
            _("Figures computed from the records of ctassist on %(date)s.")
            % {"date": date_format(datetime.date.today())}
        )
    return notes


def value_text(figure: Figure) -> str:
    text = cell_text(figure.value)
    return f"{text} {figure.unit}" if figure.unit else text


def figure_lines(figure: Figure) -> list[str]:
    lines = []
    if figure.value is not None:
        lines.append(_("Computed from the records: %(value)s") % {"value": value_text(figure)})
    if figure.printed is not None:
        printed = cell_text(figure.printed.value)
        printed = f"{printed} {figure.unit}" if figure.unit else printed
        if figure.differs_from_printed:
            lines.append(
                _("Printed in %(where)s: %(value)s; it differs from the value computed from the records.")
                % {"where": figure.printed.locator, "value": printed}
            )
        else:
            lines.append(_("The same as printed in %(where)s.") % {"where": figure.printed.locator})
    if figure.note:
        lines.append(_("Note: %(note)s") % {"note": figure.note})
    if figure.as_at:
        lines.append(_("Data as at %(date)s.") % {"date": date_format(figure.as_at)})
    return lines


_DIGITS_AFTER_TEXT = re.compile(r"(?<![\d.,\u00a0\u202f])(?=\d)")


def row_line(columns: list[str], cells: list[str], right_to_left: bool) -> str:
    """One row of a long table as a line of text: the first cell, then each other cell with
    its heading ("Activities: 3"); empty cells left out. In a right-to-left document a left
    to right mark goes before each number, so that a date after an Arabic heading keeps its
    order (2025-01-04, not 04-01-2025)."""
    if right_to_left:
        # A cell in a left-to-right script (an English title) ends with a mark of its
        # direction, so that its closing bracket stays at its end.
        cells = [
            _DIGITS_AFTER_TEXT.sub(LEFT_TO_RIGHT_MARK, cell)
            + (LEFT_TO_RIGHT_MARK if direction_of(cell, "rtl") == "ltr" else "")
            for cell in cells
        ]
    parts = [cells[0]] + [
        _("%(heading)s: %(value)s") % {"heading": heading, "value": cell}
        for heading, cell in zip(columns[1:], cells[1:], strict=False)
        if cell != ""
    ]
    return pgettext("between the cells of a table's row printed as a line", "; ").join(parts)


def records_line(figure: Figure) -> str:
    """The records a figure without a table counts, by their labels."""
    if figure.table is not None or not figure.records:
        return ""
    labels = "; ".join(record.label for record in figure.records[:RECORDS_LISTED])
    more = len(figure.records) - RECORDS_LISTED
    if more > 0:
        labels += " " + _("(and %(count)s more)") % {"count": numbers.number(more)}
    return _("Counted: %(records)s.") % {"records": labels}


def _figure_context(figure: Figure, right_to_left: bool) -> dict:
    rows = [[cell_text(c) for c in row.cells] for row in figure.table.rows] if figure.table else []
    long = len(rows) > LONG_TABLE_ROWS
    columns = [str(column) for column in figure.table.columns] if figure.table else []
    return {
        "figure": figure,
        "lines": figure_lines(figure),
        "records": records_line(figure),
        "rows": rows,
        # The PDF's form of a long table (the DOCX prints `rows` as a table).
        "row_lines": [row_line(columns, row, right_to_left) for row in rows] if long else [],
    }


def _context(document: ReportDocument) -> dict:
    lead, title, gap = resolution_line(document)
    right_to_left = is_right_to_left(document.language)
    return {
        "report": document,
        "resolution_lead": lead,
        "resolution_title": title,
        "resolution_gap": gap,
        "notes": report_notes(document),
        "sections": [
            {
                "section": section,
                "figures": [_figure_context(figure, right_to_left) for figure in section.figures],
            }
            for section in document.sections
        ],
    }


def as_pdf(document: ReportDocument) -> bytes:
    language = data_language(document.language)
    with translation.override(django_language(language)):
        context = _context(document)
    return pdf.render_pdf("reports/report_document.html", context, language, document.title)


def _run(paragraph, text: Text | str, language: str):
    run = paragraph.add_run(text.text if isinstance(text, Text) else text)
    if isinstance(text, Text) and text.language != language:
        word.mark_language(run, text.language)
    return run


def as_docx(document: ReportDocument) -> bytes:
    language = data_language(document.language)
    with translation.override(django_language(language)):
        context = _context(document)
        out = word.new_document(language)
        out.core_properties.title = document.title
        if document.internal:
            out.add_paragraph().add_run(_("Internal — not for publication")).bold = True
        out.add_heading(document.title, level=0)
        paragraph = out.add_paragraph(context["resolution_lead"])
        if context["resolution_title"]:
            paragraph.add_run(": ")
            _run(paragraph, context["resolution_title"], language)
        if context["resolution_gap"]:
            out.add_paragraph(context["resolution_gap"])
        for note in context["notes"]:
            out.add_paragraph(note)
        for part in context["sections"]:
            section = part["section"]
            out.add_heading(section.heading, level=1)
            for text in section.paragraphs:
                out.add_paragraph(text)
            for item in part["figures"]:
                figure = item["figure"]
                out.add_heading(str(figure.title), level=2)
                for line in item["lines"]:
                    out.add_paragraph(line)
                if figure.table is not None:
                    grid = out.add_table(rows=1, cols=len(figure.table.columns))
                    grid.style = "Table Grid"
                    for cell, heading in zip(grid.rows[0].cells, figure.table.columns, strict=True):
                        cell.text = str(heading)
                    for row in item["rows"]:
                        for cell, text in zip(grid.add_row().cells, row, strict=False):
                            cell.text = text
                if item["records"]:
                    out.add_paragraph(item["records"])
        return word.save(out)
