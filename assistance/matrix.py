"""The monthly matrix of ongoing and planned activities, by region, subregion and state (§37)."""

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _

from assistance.models import Activity, ActivityStatus
from ctassist.collation import sort_key
from ctassist.documents import sheet as sheet_document
from ctassist.documents.fonts import keep_left_to_right
from ctassist.documents.pdf import render_pdf
from ctassist.languages import data_language, django_language


@dataclass
class MatrixLine:
    region: str
    subregion: str
    state: str
    iso3: str
    activities: list[Activity]


def monthly_matrix(year: int, month: int, activities=None) -> list[MatrixLine]:
    activities = activities if activities is not None else Activity.objects.all()
    by_state = defaultdict(list)
    states = {}
    for activity in (
        activities.in_month(year, month)
        .prefetch_related(
            "participating_states__region",
            "participating_states__subregion",
            "participating_states__intermediate_region",
        )
        .select_related("host_state__region", "host_state__subregion", "host_state__intermediate_region")
    ):
        for state in activity.states():
            by_state[state.id].append(activity)
            states[state.id] = state
    lines = []
    for state_id, items in by_state.items():
        state = states[state_id]
        area = state.intermediate_region or state.subregion
        lines.append(
            MatrixLine(
                state.region.name(),
                area.name(),
                state.name(),
                state.iso3,
                sorted(items, key=lambda a: (a.starts_on, a.title)),
            )
        )
    key = sort_key()  # as the page's language sorts
    return sorted(lines, key=lambda line: (key(line.region), key(line.subregion), key(line.state)))


def as_json(lines: list[MatrixLine]) -> list[dict]:
    return [
        {
            "region": line.region,
            "subregion": line.subregion,
            "state": line.iso3,
            "state_name": line.state,
            "activities": [
                {
                    "id": a.id,
                    "title": a.title,
                    "kind": a.kind,
                    "status": a.status,
                    "starts_on": a.starts_on.isoformat(),
                    "ends_on": a.ends_on.isoformat(),
                    "demonstration": a.demonstration,
                }
                for a in line.activities
            ],
        }
        for line in lines
    ]


def as_xlsx(lines: list[MatrixLine], year: int, month: int, language: str | None = None) -> bytes:
    """The matrix as one sheet, a row per state and activity; right to left in Arabic.

    Build `lines` in the same language, so that the names of states and areas match the labels."""
    language = data_language(language)
    with translation.override(django_language(language)):
        workbook, sheet = sheet_document.new_workbook(language, f"{year}-{month:02d}")
        sheet.append([title(year, month)])
        sheet_document.append_header(
            sheet,
            [
                _("Region"),
                _("Subregion"),
                _("State"),
                _("Activity"),
                _("Kind"),
                _("Status"),
                _("From"),
                _("To"),
                _("Demonstration data"),
            ],
        )
        for line in lines:
            for activity in line.activities:
                sheet.append(
                    [
                        line.region,
                        line.subregion,
                        line.state,
                        activity.title,
                        str(activity.get_kind_display()),
                        str(activity.get_status_display()),
                        activity.starts_on,
                        activity.ends_on,
                        _("yes") if activity.demonstration else "",
                    ]
                )
    return sheet_document.save(workbook)


def title(year: int, month: int) -> str:
    month = keep_left_to_right(f"{year}-{month:02d}")  # not 03-2026 in Arabic
    return _("Matrix of ongoing and planned activities, %(month)s") % {"month": month}


def as_pdf(lines: list[MatrixLine], year: int, month: int, language: str | None = None) -> bytes:
    """The matrix as a landscape table, grouped by region and subregion, header on every page.

    Build `lines` in the same language, so that the names of states and areas match the labels."""
    language = data_language(language)
    with translation.override(django_language(language)):
        document_title = title(year, month)
    return render_pdf(
        "assistance/matrix_document.html",
        {
            "lines": lines,
            "demonstration": any(a.demonstration for line in lines for a in line.activities),
        },
        language,
        document_title,
        landscape=True,
    )


@dataclass
class CalendarDay:
    date: datetime.date
    in_month: bool
    activities: list[Activity]


def month_calendar(year: int, month: int, activities, first_weekday: int = 0) -> list[list[CalendarDay]]:
    """The weeks of a month (first_weekday: 0 is Monday), each day with the activities
    running on it. Cancelled activities are left out; completed ones stay, since a
    calendar of a past month shows what took place."""
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    running = list(
        activities.filter(starts_on__lte=last, ends_on__gte=first)
        .exclude(status=ActivityStatus.CANCELLED)
        .order_by("starts_on", "title")
        .only("id", "title", "kind", "status", "starts_on", "ends_on", "demonstration")
    )
    start = first - datetime.timedelta(days=(first.weekday() - first_weekday) % 7)
    weeks = []
    day = start
    while day <= last:
        week = []
        for _day in range(7):
            week.append(
                CalendarDay(day, day.month == month, [a for a in running if a.starts_on <= day <= a.ends_on])
            )
            day += datetime.timedelta(days=1)
        weeks.append(week)
    return weeks
