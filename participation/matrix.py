"""The states × instruments matrix for a date, and its CSV and XLSX exports."""

import csv
import datetime
import io
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from instruments.models import Instrument
from participation.models import ActionKind
from participation.status import (
    PARTY_STANDINGS,
    Position,
    Standing,
    instruments_with_data,
    position_of,
    positions,
)

SYMBOLS = {
    Standing.IN_FORCE: "●",
    Standing.PARTY: "◐",
    Standing.SIGNATORY: "s",
    Standing.DENOUNCED: "×",
    Standing.NOT_PARTY: "",
    Standing.NO_DATA: "?",
}


@dataclass
class MatrixRow:
    state: object
    cells: list[Position]

    @property
    def parties(self) -> int:
        return sum(1 for cell in self.cells if cell.standing in PARTY_STANDINGS)


@dataclass
class Matrix:
    on: datetime.date
    instruments: list[Instrument]
    rows: list[MatrixRow]
    with_data: set[int]

    def column_totals(self) -> list[int | None]:
        return [
            sum(1 for row in self.rows if row.cells[i].standing in PARTY_STANDINGS)
            if instrument.id in self.with_data
            else None
            for i, instrument in enumerate(self.instruments)
        ]


def build_matrix(on: datetime.date, states: list) -> Matrix:
    instruments = list(Instrument.objects.with_titles())
    with_data = instruments_with_data()
    found = positions(on, instruments, [state.id for state in states] if len(states) < 197 else None)
    rows = [
        MatrixRow(state, [position_of(found, state.id, instrument, with_data) for instrument in instruments])
        for state in states
    ]
    return Matrix(on, instruments, rows, with_data)


def rows_html(matrix: Matrix) -> SafeString:
    """The matrix body, 197 × 19 cells, built here rather than in a template: Django's
    template engine takes several times longer for this many cells (benchmarks/)."""
    on = matrix.on.isoformat()
    standing_labels = {value: escape(str(label)) for value, label in Standing.choices}
    kind_labels = {value: escape(str(label)) for value, label in ActionKind.choices}
    parts = []
    for row in matrix.rows:
        url = reverse("states:detail", args=[row.state.iso3])
        parts.append(f'<tr><th scope="row"><a href="{url}?on={on}">{escape(row.state.name())}</a></th>')
        for cell in row.cells:
            label = standing_labels[cell.standing]
            if cell.consent:  # the kind and date of consent, also for the pointer
                label += f" — {kind_labels[cell.consent.kind]} {cell.consent.date.isoformat()}"
                parts.append(
                    f'<td class="cell status-{cell.standing}" title="{label}">{SYMBOLS[cell.standing]}'
                    f'<span class="visually-hidden">{label}</span></td>'
                )
            else:
                parts.append(
                    f'<td class="cell status-{cell.standing}">{SYMBOLS[cell.standing]}'
                    f'<span class="visually-hidden">{label}</span></td>'
                )
        parts.append(f'<td class="total">{row.parties}</td></tr>')
    return mark_safe("".join(parts))  # every piece of text above is escaped


def _cell_text(position: Position) -> str:
    if position.standing in PARTY_STANDINGS:
        return f"{position.consent.kind} {position.consent.date.isoformat()}"
    if position.standing == Standing.SIGNATORY:
        return f"signature {position.signature.date.isoformat()}"
    if position.standing == Standing.DENOUNCED:
        return f"denunciation {position.denunciation.date.isoformat()}"
    return "no data" if position.standing == Standing.NO_DATA else ""


def _header(matrix: Matrix) -> list[str]:
    return [_("ISO3"), _("State"), *[instrument.slug for instrument in matrix.instruments], _("Parties")]


def matrix_csv(matrix: Matrix, sources_note: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Status as at %(date)s") % {"date": matrix.on.isoformat()}, sources_note])
    writer.writerow(_header(matrix))
    for row in matrix.rows:
        writer.writerow([row.state.iso3, row.state.name(), *[_cell_text(c) for c in row.cells], row.parties])
    totals = ["" if total is None else total for total in matrix.column_totals()]
    writer.writerow(["", _("Parties"), *totals, ""])
    return out.getvalue()


def matrix_xlsx(matrix: Matrix, sources_note: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    fills = {
        Standing.IN_FORCE: PatternFill("solid", fgColor="1B7837"),
        Standing.PARTY: PatternFill("solid", fgColor="7FBF7B"),
        Standing.SIGNATORY: PatternFill("solid", fgColor="FEE08B"),
        Standing.DENOUNCED: PatternFill("solid", fgColor="B2182B"),
        Standing.NO_DATA: PatternFill("solid", fgColor="D9D9D9"),
    }
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Participation")[:31]
    sheet.append([_("Status as at %(date)s") % {"date": matrix.on.isoformat()}])
    sheet.append([sources_note])
    sheet.append(_header(matrix))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(text_rotation=90 if cell.column > 2 else 0)
    for row in matrix.rows:
        sheet.append([row.state.iso3, row.state.name(), *[_cell_text(c) for c in row.cells], row.parties])
        for offset, position in enumerate(row.cells):
            fill = fills.get(position.standing)
            if fill:
                sheet.cell(row=sheet.max_row, column=3 + offset).fill = fill
    totals = ["" if total is None else total for total in matrix.column_totals()]
    sheet.append(["", _("Parties"), *totals, ""])
    sheet.freeze_panes = "C4"
    sheet.column_dimensions["B"].width = 32
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
