"""The monthly matrix of ongoing and planned activities, by region, subregion and state (§37)."""

import calendar
import datetime
import io
from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _

from assistance.models import Activity, ActivityStatus
from ctassist.collation import sort_key


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


def as_xlsx(lines: list[MatrixLine], year: int, month: int) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"{year}-{month:02d}"
    sheet.append([title(year, month)])
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


def title(year: int, month: int) -> str:
    return _("Matrix of ongoing and planned activities, %(month)s") % {"month": f"{year}-{month:02d}"}


def as_pdf(lines: list[MatrixLine], year: int, month: int, language: str = "en") -> bytes:
    """The matrix as a landscape table, grouped by region and subregion, header on every page.

    Build `lines` under the same language (translation.override), so that the names of
    states and areas match the labels."""
    from xml.sax.saxutils import escape

    from django.utils import translation
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from ctassist.languages import django_language

    # Adobe's CID font for simplified Chinese needs no font file: the PDF reader supplies it.
    font, bold = "Helvetica", "Helvetica-Bold"
    if language == "zh":
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        font = bold = "STSong-Light"
    styles = getSampleStyleSheet()
    wrap = "CJK" if language == "zh" else None
    body = ParagraphStyle(
        "cell", parent=styles["BodyText"], fontName=font, fontSize=8, leading=10, wordWrap=wrap
    )
    head = ParagraphStyle("head", parent=body, fontName=bold)
    heading = ParagraphStyle("title", parent=styles["Heading1"], fontName=bold, wordWrap=wrap)

    def p(text, style=body):
        return Paragraph(escape(str(text)), style)

    with translation.override(django_language(language)):
        document_title = title(year, month)
        mark = _("demonstration data")
        header = [
            p(label, head)
            for label in (_("State"), _("Activity"), _("Kind"), _("Status"), _("From"), _("To"))
        ]
        rows, style = (
            [header],
            [
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd")),
            ],
        )
        region = subregion = None
        for line in lines:
            # A row spanning the table opens each region and subregion.
            if line.region != region:
                region, subregion = line.region, None
                rows.append([p(region, head)] + [""] * 5)
                style += [
                    ("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)),
                    ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.HexColor("#c6dbef")),
                ]
            if line.subregion != subregion:
                subregion = line.subregion
                rows.append([p(subregion, head)] + [""] * 5)
                style += [
                    ("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)),
                    ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.HexColor("#eef3f8")),
                ]
            for activity in line.activities:
                name = activity.title + (f" [{mark}]" if activity.demonstration else "")
                rows.append(
                    [
                        p(line.state),
                        p(name),
                        p(activity.get_kind_display()),
                        p(activity.get_status_display()),
                        p(activity.starts_on.isoformat()),
                        p(activity.ends_on.isoformat()),
                    ]
                )
        story = [p(document_title, heading)]
        if len(rows) == 1:
            story.append(p(_("No activity is planned or ongoing in this month."), body))
        else:
            widths = [45 * mm, 110 * mm, 35 * mm, 22 * mm, 22 * mm, 22 * mm]
            table = Table(rows, colWidths=widths, repeatRows=1)
            table.setStyle(TableStyle(style))
            story.append(table)
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        title=document_title,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
    )
    document.build(story)
    return out.getvalue()


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
