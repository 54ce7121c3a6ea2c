"""A report's figures as JSON (the API, `ctassist report --format json`, the draft's snapshot):
every figure with its value, its table, the records it counts, the value a published report
printed and the note, and the date its data is as at."""

import datetime
from decimal import Decimal

from reports.figures.base import Figure, RecordRef, ReportFigures


def _value(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def record_json(record: RecordRef) -> dict:
    return {"model": record.model, "id": str(record.pk), "label": record.label, "url": record.url}


def figure_json(figure: Figure) -> dict:
    printed = None
    if figure.printed is not None:
        printed = {
            "value": _value(figure.printed.value),
            "locator": figure.printed.locator,
            "source": figure.printed.source,
        }
    table = None
    if figure.table is not None:
        table = {
            "columns": [str(column) for column in figure.table.columns],
            "rows": [
                {
                    "cells": [_value(cell) for cell in row.cells],
                    "records": [record_json(r) for r in row.records],
                }
                for row in figure.table.rows
            ],
        }
    return {
        "key": figure.key,
        "section": figure.section,
        "title": str(figure.title),
        "value": _value(figure.value),
        "unit": figure.unit,
        "records": [record_json(record) for record in figure.records],
        "table": table,
        "printed": printed,
        "differs_from_printed": figure.differs_from_printed,
        "note": str(figure.note),
        "as_at": _value(figure.as_at),
    }


def report_json(figures: ReportFigures) -> dict:
    return {
        "resolution": figures.resolution,
        "from": figures.start.isoformat(),
        "to": figures.end.isoformat(),
        "internal": figures.internal,
        "language": figures.language,
        "as_at": [day.isoformat() for day in as_at_dates(figures)],
        "figures": [figure_json(figure) for figure in figures.figures],
    }


def as_at_dates(figures: ReportFigures) -> list[datetime.date]:
    return sorted({figure.as_at for figure in figures.figures if figure.as_at})
