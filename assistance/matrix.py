"""The monthly matrix of ongoing and planned activities, by region, subregion and state (§37)."""

import io
from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _

from assistance.models import Activity


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
    return sorted(lines, key=lambda line: (line.region, line.subregion, line.state))


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


def as_xlsx(lines: list[MatrixLine], year: int, month: int) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"{year}-{month:02d}"
    sheet.append(
        [_("Matrix of ongoing and planned activities, %(month)s") % {"month": f"{year}-{month:02d}"}]
    )
    header = [
        _("Region"),
        _("Subregion"),
        _("State"),
        _("Activity"),
        _("Kind"),
        _("Status"),
        _("From"),
        _("To"),
        _("Demonstration data"),
    ]
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
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
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
