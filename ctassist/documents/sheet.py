"""XLSX workbooks (openpyxl) in a document language: right to left in Arabic, a bold header."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from ctassist.documents.fonts import is_right_to_left
from ctassist.languages import data_language


def new_workbook(language: str, title: str) -> tuple[Workbook, object]:
    """A workbook and its first sheet, named `title` (Excel allows 31 characters)."""
    language = data_language(language)
    workbook = Workbook()
    workbook.properties.language = language
    sheet = workbook.active
    sheet.title = _sheet_name(title)
    sheet.sheet_view.rightToLeft = is_right_to_left(language)
    return workbook, sheet


def _sheet_name(title: str) -> str:
    # Excel refuses these characters in a sheet's name.
    for character in "[]:*?/\\":
        title = title.replace(character, " ")
    return title.strip()[:31] or "Sheet"


def append_header(sheet, labels) -> None:
    sheet.append([str(label) for label in labels])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)


def save(workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
