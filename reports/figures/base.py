"""What a report's figure is: a number or a table computed from records, with the records
behind it, so that every figure in a report can be followed to what it counts.

This module is the contract between the figures (reports/figures/) and what shows them (the
web view, the DOCX and PDF drafts, the JSON API)."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class RecordRef:
    """One record a figure counts. `model` is "app_label.modelname"; `url` its page, or ""."""

    model: str
    pk: int | str
    label: str
    url: str = ""


@dataclass
class TableRow:
    cells: list  # str | int | Decimal | None, one per column
    records: list[RecordRef] = field(default_factory=list)


@dataclass
class Table:
    columns: list[str]  # headings, already in the reader's language
    rows: list[TableRow] = field(default_factory=list)


@dataclass
class Printed:
    """The value a published report printed for this figure, to compare with the computed one."""

    value: int | Decimal | str
    locator: str  # where it is printed, e.g. "A/59/187, para. 10 and note 3"
    source: str  # key in the sources register (data/reference/sources/*.csv)


@dataclass
class Figure:
    key: str  # stable, e.g. "states-assisted"; used in prose placeholders and the API
    section: str  # key of the report section it belongs to
    title: str  # in the reader's language
    value: int | Decimal | None = None  # the headline number, if the figure has one
    records: list[RecordRef] = field(default_factory=list)  # what `value` counts
    table: Table | None = None
    unit: str = ""  # e.g. "USD"
    printed: Printed | None = None
    note: str = ""  # why the computed figure differs from the printed one, or what it leaves out
    as_at: datetime.date | None = None  # the date the underlying data is as at, where it has one

    @property
    def differs_from_printed(self) -> bool:
        return self.printed is not None and str(self.printed.value) != str(self.value)


@dataclass
class ReportFigures:
    resolution: str  # e.g. "58/136"
    start: datetime.date
    end: datetime.date
    internal: bool  # internal reports count confidential records; public ones never do
    language: str
    figures: list[Figure] = field(default_factory=list)

    def get(self, key: str) -> Figure:
        return next(figure for figure in self.figures if figure.key == key)
