"""The states × instruments matrix for a date, and its CSV and XLSX exports."""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Font, PatternFill

from ctassist.documents.fonts import keep_left_to_right
from ctassist.documents.pdf import render_pdf
from ctassist.documents.sheet import new_workbook
from ctassist.languages import data_language
from instruments.models import Instrument
from participation.as_at import StatusDate, status_dates
from participation.models import ActionKind
from participation.standing import (
    PARTY_STANDINGS,
    Position,
    Standing,
    position_of,
    positions_as_at,
)

SYMBOLS = {
    Standing.IN_FORCE: "●",
    Standing.PARTY: "◐",
    Standing.SIGNATORY: "○",  # a shape, not a letter: the same in every language
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
    # Each column's status list date; the instruments without a list get no column.
    dates: dict[int, StatusDate] = field(default_factory=dict)
    without_list: list[Instrument] = field(default_factory=list)

    def column_dates(self) -> list[StatusDate]:
        return [self.dates[instrument.id] for instrument in self.instruments]

    @property
    def after_as_at(self) -> bool:
        return any(dated.after_as_at for dated in self.column_dates())

    def date_line(self) -> str:
        if not self.after_as_at:
            return _("Status as at %(date)s") % {"date": self.on.isoformat()}
        return _(
            "Status on %(date)s, or as at the date of an instrument's status list where that is "
            "earlier (later actions are not recorded)"
        ) % {"date": self.on.isoformat()}

    def column_totals(self) -> list[int | None]:
        return [
            sum(1 for row in self.rows if row.cells[i].standing in PARTY_STANDINGS)
            if instrument.id in self.with_data
            else None
            for i, instrument in enumerate(self.instruments)
        ]


def build_matrix(on: datetime.date, states: list) -> Matrix:
    every = list(Instrument.objects.with_titles())
    dates = status_dates(on, every)
    instruments = [instrument for instrument in every if dates[instrument.id].has_list]
    with_data = {instrument.id for instrument in instruments}
    state_ids = [state.id for state in states] if len(states) < 197 else None
    found = positions_as_at(dates, instruments, state_ids)
    rows = [
        MatrixRow(state, [position_of(found, state.id, instrument, with_data) for instrument in instruments])
        for state in states
    ]
    without_list = [instrument for instrument in every if not dates[instrument.id].has_list]
    return Matrix(on, instruments, rows, with_data, dates, without_list)


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
                label += f" — {kind_labels[cell.consent.kind]} {date_format(cell.consent.date)}"
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
    """The act and its date, in the active language ("ratification 2002-02-27")."""
    if position.standing in PARTY_STANDINGS:
        kind, date = ActionKind(position.consent.kind).label, position.consent.date
    elif position.standing == Standing.SIGNATORY:
        kind, date = ActionKind.SIGNATURE.label, position.signature.date
    elif position.standing == Standing.DENOUNCED:
        kind, date = ActionKind.DENUNCIATION.label, position.denunciation.date
    else:
        return str(Standing.NO_DATA.label) if position.standing == Standing.NO_DATA else ""
    return f"{kind} {keep_left_to_right(date.isoformat())}"


def _header(matrix: Matrix) -> list[str]:
    return [_("ISO3"), _("State"), *[instrument.slug for instrument in matrix.instruments], _("Parties")]


def matrix_csv(matrix: Matrix, sources_note: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([matrix.date_line(), sources_note])
    writer.writerow(_header(matrix))
    for row in matrix.rows:
        writer.writerow([row.state.iso3, row.state.name(), *[_cell_text(c) for c in row.cells], row.parties])
    totals = ["" if total is None else total for total in matrix.column_totals()]
    writer.writerow(["", _("Parties"), *totals, ""])
    return out.getvalue()


def matrix_xlsx(matrix: Matrix, sources_note: str) -> bytes:
    fills = {
        Standing.IN_FORCE: PatternFill("solid", fgColor="1B7837"),
        Standing.PARTY: PatternFill("solid", fgColor="7FBF7B"),
        Standing.SIGNATORY: PatternFill("solid", fgColor="FEE08B"),
        Standing.DENOUNCED: PatternFill("solid", fgColor="B2182B"),
        Standing.NO_DATA: PatternFill("solid", fgColor="D9D9D9"),
    }
    # Right to left in Arabic; the labels are in the active language.
    workbook, sheet = new_workbook(data_language(), _("Participation"))
    sheet.append([matrix.date_line()])
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


def matrix_pdf(matrix: Matrix, sources_note: str) -> bytes:
    """The matrix as a PDF in the active language: a numbered column per instrument, whose
    title (in that language where ctassist has it, else in English, marked) and status list
    date are in the key above the table."""
    language = data_language()
    columns = []
    dates = matrix.column_dates()
    for number, (instrument, dated) in enumerate(zip(matrix.instruments, dates, strict=True), 1):
        own = instrument.title_in(language)
        columns.append(
            {
                "number": number,
                "slug": instrument.slug,
                "title": instrument.display_title(language),
                "title_language": language if own else "en",
                "dated": dated,
            }
        )
    rows = [
        (row.state.name(language), [(SYMBOLS[c.standing], _cell_text(c)) for c in row.cells], row.parties)
        for row in matrix.rows
    ]
    if matrix.after_as_at:
        title = _("Participation in the universal instruments as at the dates of their status lists")
    else:
        title = _("Participation in the universal instruments on %(date)s") % {"date": matrix.on.isoformat()}
    context = {
        "matrix": matrix,
        "columns": columns,
        "rows": rows,
        "totals": matrix.column_totals(),
        "legend": [(SYMBOLS[value], label) for value, label in Standing.choices if SYMBOLS[value]],
        "without_list": "; ".join(instrument.display_title() for instrument in matrix.without_list),
        "sources_note": sources_note,
    }
    return render_pdf("participation/matrix_document.html", context, language, title)
