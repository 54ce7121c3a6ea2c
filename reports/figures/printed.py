"""The figures a published report printed, to set beside the computed ones
(data/reference/report_printed_figures.csv, read with ctassist/reference.py)."""

from dataclasses import dataclass
from decimal import Decimal

from ctassist.reference import read_rows, reference_path
from reports.figures.base import Printed

FILE = "report_printed_figures.csv"
COLUMNS = ["resolution", "start", "end", "figure", "value", "locator", "source"]


@dataclass(frozen=True)
class PrintedFigure:
    resolution: str
    start: object
    end: object
    figure: str
    printed: Printed


def _value(text: str):
    if text.isdigit():
        return int(text)
    try:
        return Decimal(text)
    except ArithmeticError:
        return text


def printed_figures() -> list[PrintedFigure]:
    found = []
    for row in read_rows(reference_path(FILE), COLUMNS):
        found.append(
            PrintedFigure(
                row.text("resolution", required=True),
                row.date("start", required=True),
                row.date("end", required=True),
                row.text("figure", required=True),
                Printed(
                    _value(row.text("value", required=True)),
                    row.text("locator", required=True),
                    row.text("source", required=True),
                ),
            )
        )
    return found


def printed_for(resolution: str, start, end) -> dict[str, Printed]:
    """The printed figures of the report on this resolution for exactly this period, by figure key."""
    return {
        item.figure: item.printed
        for item in printed_figures()
        if (item.resolution, item.start, item.end) == (resolution, start, end)
    }
