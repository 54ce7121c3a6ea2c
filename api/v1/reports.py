"""The figures of the Secretary-General's report on a resolution for a period (F12), each with
the records it counts. Anyone reads the public figures, which count no confidential record;
staff may ask for the internal ones (internal=true), which do."""

import datetime

from django.utils.translation import get_language
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from accounts.access import may_write_reports
from ctassist.languages import data_language
from reports import figures as report_figures
from reports.models import Resolution
from reports.serialization import report_json

router = Router(tags=["reports"])

Cell = int | str | None


class RecordOut(Schema):
    model: str = Field(description='"app_label.modelname", e.g. "states.state"')
    id: str = Field(description="the record's key: a number, or a code such as an ISO3 or a slug")
    label: str = Field(description="in the language asked")
    url: str = Field(description="the record's page, or empty where it has none")


class RowOut(Schema):
    cells: list[Cell]
    records: list[RecordOut]


class TableOut(Schema):
    columns: list[str]
    rows: list[RowOut]


class PrintedOut(Schema):
    value: Cell = Field(description="the value a published report printed")
    locator: str = Field(description="where it is printed, e.g. a paragraph and note")
    source: str = Field(description="key of the source in the register (data/reference/sources)")


class FigureOut(Schema):
    key: str = Field(description='stable, e.g. "states-assisted"')
    section: str
    title: str
    value: Cell = Field(description="the headline number computed from the records (decimals as strings)")
    unit: str
    records: list[RecordOut] = Field(description="the records the value counts")
    table: TableOut | None
    printed: PrintedOut | None
    differs_from_printed: bool
    note: str = Field(
        description="why the computed figure differs from the printed one, or what it leaves out"
    )
    as_at: str | None = Field(description="the date the data is as at, YYYY-MM-DD")


class ReportFiguresOut(Schema):
    resolution: str
    from_: str = Field(alias="from")
    to: str
    internal: bool = Field(description="true: counts confidential records (staff only)")
    language: str
    as_at: list[str]
    figures: list[FigureOut]


class FiguresQuery(Schema):
    resolution: str = Field(description='the resolution\'s code, e.g. "58/136"')
    from_: datetime.date = Field(alias="from")
    to: datetime.date
    internal: bool = False
    demonstration: bool = Field(False, description="count the generated demonstration records too")


@router.get(
    "/reports/figures",
    response=ReportFiguresOut,
    by_alias=True,
    summary="Every figure of the report on a resolution for a period, with the records it counts",
)
def get_report_figures(request, query: Query[FiguresQuery]):
    if query.internal and not may_write_reports(request.user):
        raise HttpError(403, "Only staff may ask for the internal figures, which count confidential records.")
    if query.to < query.from_:
        raise HttpError(400, f"'to' ({query.to}) is before 'from' ({query.from_}).")
    if not Resolution.objects.filter(code=query.resolution).exists():
        raise HttpError(404, f"No resolution {query.resolution!r}.")
    language = data_language(get_language())
    figures = report_figures.compute(
        query.resolution,
        query.from_,
        query.to,
        internal=query.internal,
        demonstration=query.demonstration,
        language=language,
    )
    return report_json(figures)
