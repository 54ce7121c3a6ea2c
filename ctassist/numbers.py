"""Numbers as a reader of each of the six languages writes them (CLDR, through Babel).

The one place where ctassist turns a number into text for a reader: the dashboard's charts
and tables (reports/charts.py), the report's DOCX, PDF and draft pages (reports/documents.py,
the `number` template filter of ctassist/templatetags/numbers.py). The JSON and the API keep
the raw numbers.

Babel's CLDR data group thousands per language: English and Chinese "3,202,947", French
"3 202 947" (narrow no-break spaces), Russian "3 202 947" (no-break spaces), Spanish
"3.202.947", Arabic "3,202,947" (Latin digits, CLDR's default for `ar`)."""

import datetime
from decimal import Decimal

from babel.numbers import format_decimal, format_percent

from ctassist.languages import babel_locale, data_language


def _locale(language: str | None) -> str:
    return babel_locale(data_language(language))


def is_number(value) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def number(value, language: str | None = None) -> str:
    """A count or an amount grouped as the language groups thousands.

    `language`: a data code ("zh") or a Django one ("zh-hans"); the active language if None.
    A whole number has no decimals; a Decimal keeps exactly the decimals it has
    (Decimal("12.50") → "12.50"), so that no amount is rounded on the way to the reader; a
    float that is not whole gets one decimal (the charts' averages)."""
    locale = _locale(language)
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        if value == value.to_integral_value() or not isinstance(exponent, int):
            return format_decimal(value, "#,##0", locale=locale)
        return format_decimal(value, "#,##0." + "0" * -exponent, locale=locale)
    if isinstance(value, float) and not value.is_integer():
        return format_decimal(value, "#,##0.#", locale=locale)
    return format_decimal(value, "#,##0", locale=locale)


def percent(value, language: str | None = None) -> str:
    """A share given in per cent (0–100), written as the language writes per cent."""
    return format_percent(Decimal(str(value)) / 100, locale=_locale(language))


def text(value, language: str | None = None, empty: str = "—") -> str:
    """A value of a table cell as text: a number formatted for the language, a date in ISO
    form, None as `empty`, anything else as it is."""
    if value is None:
        return empty
    if is_number(value):
        return number(value, language)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
