"""The contributions table as DOCX and XLSX, and the biennium as XLSX, in the six languages
(ctassist/documents: fonts, language and right to left for Arabic)."""

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from docx.enum.text import WD_ALIGN_PARAGRAPH

from ctassist.documents import sheet as sheet_document
from ctassist.documents import word
from ctassist.documents.fonts import keep_left_to_right
from ctassist.languages import data_language, django_language
from funding.contributions import Table, dollars, donor_name
from funding.expenditure import Biennium

PLEDGE_MARK = "a"  # the reports mark pledges not yet paid with note a
DOLLAR_FORMAT = "#,##0"


def title_of(table: Table) -> str:
    return _("Voluntary contributions, %(start)s to %(end)s") % {
        "start": date_format(table.start),
        "end": date_format(table.end),
    }


def source_line(table: Table) -> str:
    parts = []
    for source in table.sources:
        published = ", ".join(part for part in (source.publisher, source.date) if part)
        parts.append(f"{source.title}. {published}." if published else f"{source.title}.")
    return _("Source: %(sources)s") % {"sources": " ".join(parts)} if parts else ""


def contributions_docx(table: Table, language: str) -> bytes:
    language = data_language(language)
    with translation.override(django_language(language)):
        document = word.new_document(language)
        document.add_heading(title_of(table), level=1)
        grid = document.add_table(rows=1, cols=2)
        grid.style = "Table Grid"
        grid.rows[0].cells[0].text = _("Donor")
        grid.rows[0].cells[1].text = _("Total (United States dollars)")
        for row in table.rows:
            cells = grid.add_row().cells
            paragraph = cells[0].paragraphs[0]
            paragraph.add_run(row.name(language))
            if row.pledged_only:
                paragraph.add_run(f" {PLEDGE_MARK}").font.superscript = True
            cells[1].text = dollars(row.total)
            cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        cells = grid.add_row().cells
        cells[0].text = _("Total")
        cells[1].text = dollars(table.total)
        cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if table.has_pledges:
            note = document.add_paragraph()
            note.add_run(PLEDGE_MARK).font.superscript = True
            note.add_run(" " + _("Pledged, not yet paid."))
        for text in table.notes:
            document.add_paragraph(text)
        if source_line(table):
            document.add_paragraph(source_line(table))
        if any(row.demonstration for row in table.rows):
            document.add_paragraph(_("This table includes demonstration records, generated and not real."))
        return word.save(document)


def contributions_xlsx(table: Table, language: str) -> bytes:
    language = data_language(language)
    with translation.override(django_language(language)):
        workbook, sheet = sheet_document.new_workbook(language, _("Contributions"))
        sheet.append([title_of(table)])
        sheet_document.append_header(
            sheet, [_("Donor"), _("Total (United States dollars)"), _("Pledged, not yet paid")]
        )
        for row in table.rows:
            sheet.append([row.name(language), int(row.total), PLEDGE_MARK if row.pledged_only else ""])
        sheet.append([_("Total"), int(table.total)])
        for cells in sheet.iter_rows(min_row=3, min_col=2, max_col=2):
            cells[0].number_format = DOLLAR_FORMAT
        for text in [*table.notes, source_line(table)]:
            if text:
                sheet.append([text])
        sheet.column_dimensions["A"].width = 48
        sheet.column_dimensions["B"].width = 22
        return sheet_document.save(workbook)


def biennium_xlsx(result: Biennium, language: str) -> bytes:
    language = data_language(language)
    labels = [_("Received"), _("Spent"), _("Committed"), _("Left")]
    with translation.override(django_language(language)):
        workbook, sheet = sheet_document.new_workbook(language, _("By donor"))
        sheet.append(
            [_("Biennium %(years)s (United States dollars)") % {"years": keep_left_to_right(result.label)}]
        )
        sheet_document.append_header(sheet, [_("Donor"), *labels])
        for line in result.donors:
            sheet.append(
                [
                    donor_name(line.record, language),
                    *(int(v) for v in line.as_dollars().values()),
                ]
            )
        projects = workbook.create_sheet(sheet_document._sheet_name(_("By project")))
        projects.sheet_view.rightToLeft = sheet.sheet_view.rightToLeft
        sheet_document.append_header(projects, [_("Project"), _("Title"), *labels])
        for line in result.projects:
            projects.append(
                [line.record.code, line.record.title, *(int(v) for v in line.as_dollars().values())]
            )
        for each in (sheet, projects):
            for cells in each.iter_rows(min_row=2):
                for cell in cells:
                    if isinstance(cell.value, int):
                        cell.number_format = DOLLAR_FORMAT
        return sheet_document.save(workbook)
