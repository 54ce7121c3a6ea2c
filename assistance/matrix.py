"""The monthly matrix of ongoing and planned activities, by region, subregion and state (§37)."""

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Min
from django.utils import translation
from django.utils.translation import gettext as _

from assistance import timeline
from assistance.models import Activity, ActivityStatus, ParticipantCount
from ctassist.collation import sort_key
from ctassist.documents import sheet as sheet_document
from ctassist.documents.fonts import keep_left_to_right
from ctassist.documents.pdf import render_pdf
from ctassist.languages import data_language, django_language
from states.models import State


@dataclass
class MatrixLine:
    region: str
    subregion: str
    state: str
    iso3: str
    activities: list[Activity]


# What a row of the matrix shows of an activity, read as it stood at the month's moment.
FIELDS = [
    "title",
    "kind",
    "status",
    "starts_on",
    "ends_on",
    "host_state_id",
    "demonstration",
    "held_without_request_reason",
]


def standing_activities(year: int, month: int, activities, moment: datetime.datetime) -> list[Activity]:
    """The activities planned or ongoing in the month as they stood at the moment: their dates
    overlap the month and they were not cancelled before it began, whatever happened since.

    Records with a history are read from it (bulk queries on the historical table); records
    without one (written in bulk) as they are now, leaving out the cancelled ones."""
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    history = Activity.history.model
    ids = activities.values("id")
    rows = {
        row["id"]: row
        for row in activities.filter(starts_on__lte=last, ends_on__gte=first)
        .exclude(status=ActivityStatus.CANCELLED)
        .exclude(id__in=history.objects.values("id"))
        .values("id", *FIELDS)
    }
    then = timeline.latest_rows(Activity, ids, moment, FIELDS)
    overlapping = {
        activity_id: row
        for activity_id, row in then.items()
        if row["history_type"] != "-" and row["starts_on"] <= last and row["ends_on"] >= first
    }
    cancelled = [i for i, row in overlapping.items() if row["status"] == ActivityStatus.CANCELLED]
    if cancelled:
        # Its status when the month began, or when it was first recorded if that was later.
        at_start = timeline.latest_rows(Activity, cancelled, timeline.month_start(year, month), ["status"])
        first_rows = history.objects.filter(id__in=cancelled).values("id").annotate(first=Min("history_id"))
        for row in history.objects.filter(history_id__in=first_rows.values("first")).values("id", "status"):
            at_start.setdefault(row["id"], row)
        for activity_id in cancelled:
            if at_start[activity_id]["status"] == ActivityStatus.CANCELLED:
                del overlapping[activity_id]  # cancelled before the month began: never in it
    rows.update(overlapping)
    rows.update(_entered_late(activities, history, then, moment, first, last))
    history_ids = {activity_id: row["history_id"] for activity_id, row in overlapping.items()}
    current = [activity_id for activity_id in rows if activity_id not in history_ids]
    states_of = timeline.m2m_as_of(Activity, "participating_states", history_ids, current)
    requests_of = timeline.m2m_as_of(Activity, "requests", history_ids, current)
    state_ids = set().union(*states_of.values()) | {row["host_state_id"] for row in rows.values()} - {None}
    states = State.objects.select_related("region", "subregion", "intermediate_region").in_bulk(state_ids)
    participants, outcomes = _participants(rows, moment), _outcomes(rows, moment)
    standing = []
    for activity_id, row in rows.items():
        activity = Activity(id=activity_id, **{name: row[name] for name in FIELDS})
        involved = {states[i] for i in states_of.get(activity_id, ())}
        if activity.host_state_id:
            involved.add(states[activity.host_state_id])
        activity.matrix_states = involved
        activity.answers_request = bool(requests_of.get(activity_id))
        activity.then_participants = participants.get(activity_id, [])
        activity.then_outcomes = outcomes.get(activity_id, [])
        activity.participant_total = sum(p["count"] for p in activity.then_participants)
        activity.outcome_texts = [outcome_text(o) for o in activity.then_outcomes]
        standing.append(activity)
    return standing


def _entered_late(activities, history, then: dict, moment, first, last) -> dict[int, dict]:
    """Activities of the month recorded only after the moment: shown as they are now, if they
    were entered as planned or ongoing (one entered already completed or cancelled was never
    in the matrix of its month)."""
    first_rows = history.objects.values("id").annotate(first=Min("history_id")).values("first")
    entered_live = history.objects.filter(
        history_id__in=first_rows,
        history_date__gt=moment,
        status__in=[ActivityStatus.PLANNED, ActivityStatus.ONGOING],
    ).values("id")
    return {
        row["id"]: row
        for row in activities.filter(id__in=entered_live, starts_on__lte=last, ends_on__gte=first)
        .exclude(id__in=list(then))
        .values("id", *FIELDS)
    }


def _participants(rows: dict, moment) -> dict[int, list[dict]]:
    """The participant counts recorded by the moment, by activity, with the state's ISO3."""
    found = timeline.as_of(
        ParticipantCount,
        ParticipantCount.objects.filter(activity_id__in=list(rows)),
        moment,
        ["activity_id", "state_id", "role", "gender", "count"],
    )
    iso3 = dict(
        State.objects.filter(id__in={r["state_id"] for r in found.values()}).values_list("id", "iso3")
    )
    by_activity = defaultdict(list)
    # A count whose source names no state (state_id None) has no ISO3: it sorts last.
    for row in sorted(
        found.values(),
        key=lambda r: (r["state_id"] is None, iso3.get(r["state_id"], ""), r["role"], r["gender"]),
    ):
        by_activity[row["activity_id"]].append(
            {
                "state": iso3.get(row["state_id"]),
                "role": row["role"],
                "gender": row["gender"],
                "count": row["count"],
            }
        )
    return by_activity


def _outcomes(rows: dict, moment) -> dict[int, list[dict]]:
    """The outcomes confirmed by the moment: the ratifications and laws that followed."""
    outcome = apps.get_model("outcomes", "Outcome")  # outcomes builds on assistance, not the reverse
    found = timeline.as_of(
        outcome,
        outcome.objects.filter(activity_id__in=list(rows)),
        moment,
        ["activity_id", "state_id", "kind", "status", "treaty_action_id", "law_id"],
    )
    confirmed = [row for row in found.values() if row["status"] == "confirmed"]
    actions = {
        action.id: action
        for action in apps.get_model("participation", "TreatyAction")
        .objects.select_related("instrument")
        .filter(id__in={r["treaty_action_id"] for r in confirmed})
    }
    iso3 = dict(State.objects.filter(id__in={r["state_id"] for r in confirmed}).values_list("id", "iso3"))
    by_activity = defaultdict(list)
    for row in confirmed:
        action = actions.get(row["treaty_action_id"])
        by_activity[row["activity_id"]].append(
            {
                "state": iso3[row["state_id"]],
                "kind": row["kind"],
                "instrument": action.instrument.slug if action else None,
                "date": action.date.isoformat() if action else None,
                "law": row["law_id"],
            }
        )
    for items in by_activity.values():
        items.sort(key=lambda o: (o["date"] or "", o["state"]))
    return by_activity


def monthly_matrix(year: int, month: int, activities=None, moment=None) -> list[MatrixLine]:
    """The matrix of the month as it stood at `moment` (by default the end of the month, or
    now while the month is not over): asked again later, it is the same."""
    activities = activities if activities is not None else Activity.objects.all()
    moment = moment or timeline.month_moment(year, month)
    by_state = defaultdict(list)
    states = {}
    for activity in standing_activities(year, month, activities, moment):
        for state in activity.matrix_states:
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
                sorted(items, key=lambda a: (a.starts_on, a.title, a.id)),
            )
        )
    key = sort_key()  # as the page's language sorts
    return sorted(lines, key=lambda line: (key(line.region), key(line.subregion), key(line.state)))


def summary(lines: list[MatrixLine]) -> dict:
    """How many activities the matrix holds, those answering requests and those held without one."""
    activities = {a.id: a for line in lines for a in line.activities}.values()
    answering = sum(1 for a in activities if a.answers_request)
    return {
        "activities": len(activities),
        "answering_requests": answering,
        "held_without_request": len(activities) - answering,
    }


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
                    "answers_request": a.answers_request,
                    "held_without_request_reason": a.held_without_request_reason,
                    "participants": a.then_participants,
                    "outcomes": a.then_outcomes,
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
                _("Answers a request"),
                _("Held without a request because"),
                _("Participants"),
                _("Outcomes"),
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
                        _("yes") if activity.answers_request else "",
                        "" if activity.answers_request else activity.held_without_request_reason,
                        sum(p["count"] for p in activity.then_participants)
                        if activity.then_participants
                        else "",
                        "; ".join(outcome_text(o) for o in activity.then_outcomes),
                    ]
                )
    return sheet_document.save(workbook)


def outcome_text(outcome: dict) -> str:
    """An outcome in a cell: the state, then the instrument and the date of its deposit."""
    return " ".join(filter(None, [outcome["state"], outcome["instrument"], outcome["date"]]))


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


def month_calendar(
    year: int, month: int, activities, first_weekday: int = 0, moment: datetime.datetime | None = None
) -> list[list[CalendarDay]]:
    """The weeks of a month (first_weekday: 0 is Monday), each day with the activities
    running on it: the same activities as the month's matrix, as they stood at the end of
    the month (standing_activities), so the calendar of a past month shows what was planned
    or took place then, whatever happened since."""
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    moment = moment or timeline.month_moment(year, month)
    running = sorted(
        standing_activities(year, month, activities, moment), key=lambda a: (a.starts_on, a.title)
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
