"""Dates as depositaries print them."""

import datetime
import re

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_date(text: str) -> datetime.date:
    """'24 Sep 2003', '24 September 2003', '2003-09-24' or '24/9/2003' (day first)."""
    value = " ".join(text.split())
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return datetime.date.fromisoformat(value)
        match = _DAY_MONTH_YEAR.match(value)
        if match:
            day, month_name, year = match.groups()
            month = MONTHS.get(month_name.lower()[:4]) or MONTHS.get(month_name.lower()[:3])
            if month is None:
                raise ValueError
            return datetime.date(int(year), month, int(day))
        match = _NUMERIC.match(value)
        if match:
            day, month, year = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
    except ValueError:
        pass
    raise ValueError(f"{text!r} is not a date ctassist can read (e.g. 24 Sep 2003 or 2003-09-24)")
