"""Assistance true to time: the matrix of a past month is the one produced during that month;
every activity answers a request (or, if regional, says why not); the demonstration data give
`propose-outcomes` real deposits to propose."""

import datetime
import json
from io import BytesIO, StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from assistance.matrix import as_json, as_xlsx, monthly_matrix
from assistance.models import Activity, AssistanceRequest, Origin, ParticipantCount
from ctassist.lifecycle import move
from instruments.entry_into_force import add_period
from participation.models import TreatyAction
from states.models import State

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_reported_records")]
D = datetime.date


def at(monkeypatch, *moment):
    """Set the clock that the history (simple_history) and the matrix read."""
    instant = timezone.make_aware(datetime.datetime(*moment), datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: instant)


def state(iso3):
    return State.objects.get(iso3=iso3)


def request_of(iso3, origin=Origin.STATE):
    return AssistanceRequest.objects.create(
        state=state(iso3), origin=origin, received_on=D(2025, 1, 10), needs="Legislative advice (test record)"
    )


def planned(title, starts, ends, host, others=(), status="planned", answers=()):
    activity = Activity.objects.create(
        title=title,
        kind="national-workshop",
        starts_on=starts,
        ends_on=ends,
        host_state=state(host),
        status=status,
    )
    activity.participating_states.set(State.objects.filter(iso3__in=others))
    activity.requests.set(answers)
    return activity


def march_json():
    return json.dumps(as_json(monthly_matrix(2025, 3)), sort_keys=True)


def test_the_matrix_of_a_past_month_is_the_one_produced_then(monkeypatch, staff_user):
    at(monkeypatch, 2025, 2, 1, 9)
    dropped = planned("Mission cancelled in February (test record)", D(2025, 3, 20), D(2025, 3, 21), "FRA")
    at(monkeypatch, 2025, 2, 20, 9)
    move(dropped, "cancelled", by=staff_user)
    at(monkeypatch, 2025, 3, 2, 9)
    workshop = planned(
        "Workshop in Nairobi (test record)",
        D(2025, 3, 12),
        D(2025, 3, 14),
        "KEN",
        answers=[request_of("KEN")],
    )
    seminar = planned(
        "Regional seminar in Dakar (test record)",
        D(2025, 3, 1),
        D(2025, 3, 20),
        "SEN",
        others=["MLI", "NER"],
        status="ongoing",
        answers=[request_of("MLI", Origin.CTC_REFERRAL)],
    )
    late_cancel = planned(
        "Course cancelled in March (test record)",
        D(2025, 3, 25),
        D(2025, 3, 27),
        "CHL",
        answers=[request_of("CHL")],
    )
    planned("April course (test record)", D(2025, 4, 7), D(2025, 4, 9), "CHN", answers=[request_of("CHN")])
    at(monkeypatch, 2025, 3, 15, 9)
    ParticipantCount.objects.create(
        activity=seminar, state=state("MLI"), role="judge", gender="women", count=4
    )
    at(monkeypatch, 2025, 3, 22, 9)
    move(late_cancel, "cancelled", by=staff_user)

    # The matrix sent at the end of March.
    at(monkeypatch, 2025, 3, 31, 18)
    sent = march_json()
    lines = json.loads(sent)
    shown = {a["title"]: a for line in lines for a in line["activities"]}
    assert set(shown) == {
        "Workshop in Nairobi (test record)",
        "Regional seminar in Dakar (test record)",
        "Course cancelled in March (test record)",
    }
    assert shown["Workshop in Nairobi (test record)"]["status"] == "planned"
    assert shown["Course cancelled in March (test record)"]["status"] == "cancelled"
    assert shown["Regional seminar in Dakar (test record)"]["participants"] == [
        {"state": "MLI", "role": "judge", "gender": "women", "count": 4}
    ]
    assert {line["state"] for line in lines} == {"KEN", "SEN", "MLI", "NER", "CHL"}

    # April and May: everything is completed, renamed, counted again; new activities are added.
    at(monkeypatch, 2025, 4, 2, 9)
    move(workshop, "ongoing", by=staff_user)
    move(workshop, "completed", by=staff_user)
    move(seminar, "completed", by=staff_user)
    seminar.title = "Regional seminar in Dakar, renamed (test record)"
    seminar.save()
    seminar.participating_states.add(state("GMB"))
    ParticipantCount.objects.create(
        activity=workshop, state=state("KEN"), role="police", gender="men", count=9
    )
    planned("May workshop (test record)", D(2025, 5, 5), D(2025, 5, 6), "PER", answers=[request_of("PER")])
    planned(
        "Entered in April, already completed (test record)",
        D(2025, 3, 3),
        D(2025, 3, 4),
        "ARG",
        status="completed",
        answers=[request_of("ARG")],
    )
    at(monkeypatch, 2025, 5, 20, 9)
    assert march_json() == sent  # produced again, identical
    # The spreadsheet of March carries the seminar as it stood, with its participants then.
    sheet = load_workbook(BytesIO(as_xlsx(monthly_matrix(2025, 3), 2025, 3, "en"))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
    seminar_rows = [row for row in rows if row[3] == "Regional seminar in Dakar (test record)"]
    assert [row[2] for row in seminar_rows] == ["Mali", "Niger", "Senegal"]
    assert {(row[5], row[9], row[11]) for row in seminar_rows} == {("ongoing", "yes", 4)}
    # The month as it stands now shows the changes.
    april = {a["title"]: a for line in as_json(monthly_matrix(2025, 4)) for a in line["activities"]}
    assert april["April course (test record)"]["status"] == "planned"
    today = {a["title"]: a["status"] for line in as_json(monthly_matrix(2025, 5)) for a in line["activities"]}
    assert today == {"May workshop (test record)": "planned"}


def plan(client, **fields):
    data = {
        "kind": "national-workshop",
        "starts_on": "2026-03-16",
        "ends_on": "2026-03-18",
        "status": "planned",
    }
    return client.post("/activities/new/", {**data, **fields})


def test_an_activity_for_one_state_answers_its_request_or_a_referral(client, staff_user):
    client.force_login(staff_user)
    refused = plan(client, title="Workshop in Lima (test record)", host_state="PER")
    assert refused.status_code == 400
    assert (
        "An activity for one state answers that state&#x27;s request or a referral by the "
        "Counter-Terrorism Committee: name the request it answers." in refused.content.decode()
    )
    other = request_of("CHL")
    refused = plan(client, title="Workshop in Lima (test record)", host_state="PER", requests=[other.id])
    assert refused.status_code == 400
    assert "The requests named are not from Peru" in refused.content.decode()
    assert not Activity.objects.exists()

    referral = request_of("PER", Origin.CTC_REFERRAL)
    assert (
        plan(
            client, title="Workshop in Lima (test record)", host_state="PER", requests=[referral.id]
        ).status_code
        == 302
    )
    assert list(Activity.objects.get().requests.all()) == [referral]

    # The model says the same to any other caller that gives it the requests.
    bare = Activity(
        title="x", kind="mentoring", starts_on=D(2026, 3, 1), ends_on=D(2026, 3, 2), host_state=state("PER")
    )
    bare.answers, bare.involved = [], []
    with pytest.raises(ValidationError, match="name the request it answers"):
        bare.full_clean()


def test_a_regional_activity_names_its_requests_or_the_reason_it_is_held_without(client, staff_user):
    client.force_login(staff_user)
    seminar = {
        "title": "Subregional seminar in Lima (test record)",
        "host_state": "PER",
        "participating_states": ["BOL", "ECU"],
    }
    refused = plan(client, **seminar)
    assert refused.status_code == 400
    assert "names the requests it answers, or the reason it is held without one" in refused.content.decode()
    assert not Activity.objects.exists()
    reason = "Seminar of the programme for the Andean states (test record)"
    assert plan(client, **seminar, held_without_request_reason=reason).status_code == 302
    seminar_id = Activity.objects.get().id
    assert Activity.objects.get().held_without_request_reason == reason
    assert reason in client.get(f"/activities/{seminar_id}/").content.decode()
    answered = plan(
        client, **{**seminar, "title": "Second seminar (test record)"}, requests=[request_of("ECU").id]
    )
    assert answered.status_code == 302

    # The reports count both kinds apart.
    lines = as_json(monthly_matrix(2026, 3))
    kinds = {
        a["title"]: (a["answers_request"], a["held_without_request_reason"])
        for line in lines
        for a in line["activities"]
    }
    assert kinds == {
        "Subregional seminar in Lima (test record)": (False, reason),
        "Second seminar (test record)": (True, ""),
    }
    page = client.get("/matrix/?month=2026-03").content.decode()
    assert "1 answering requests, 1 held without a request" in page


def test_after_demo_data_propose_outcomes_finds_real_deposits_after_activities():
    call_command(
        "demo_data", "--activities", "400", "--seed", "5", "--today", "2026-03-15", stdout=StringIO()
    )
    out = StringIO()
    call_command("propose_outcomes", "--dry-run", "--format", "json", stdout=out)
    proposed = json.loads(out.getvalue())["proposed"]
    assert len(proposed) >= 10
    for proposal in proposed:
        deposit = TreatyAction.objects.consents().get(
            state__iso3=proposal["state"],
            instrument__slug=proposal["instrument"],
            date=D.fromisoformat(proposal["deposited_on"]),
        )
        assert D(2002, 1, 1) <= deposit.date <= D(2014, 12, 31)  # the shipped status lists
        activity = Activity.objects.get(id=proposal["activity"])
        assert activity.demonstration and activity.status != "cancelled"
        assert activity.instruments.filter(id=deposit.instrument_id).exists()
        assert deposit.state in activity.states()
        assert activity.ends_on < deposit.date <= add_period(activity.ends_on, 24, "months")
    # Nothing recorded by a dry run.
    assert not Activity.objects.filter(outcomes__isnull=False).exists()

    # Every generated activity answers a request or, if regional, says why it is held without one.
    for activity in Activity.objects.prefetch_related("requests", "participating_states"):
        states = activity.states()
        if len(states) == 1:
            assert {r.state for r in activity.requests.all()} & states, activity
        else:
            assert activity.requests.exists() or activity.held_without_request_reason, activity


def test_the_calendar_of_a_past_month_shows_the_activities_as_they_stood(monkeypatch, staff_user, client):
    at(monkeypatch, 2025, 2, 1, 9)
    dropped = planned("Mission cancelled in February (test record)", D(2025, 3, 20), D(2025, 3, 21), "FRA")
    at(monkeypatch, 2025, 2, 20, 9)
    move(dropped, "cancelled", by=staff_user)
    at(monkeypatch, 2025, 3, 2, 9)
    workshop = planned(
        "Workshop cancelled in April (test record)",
        D(2025, 3, 12),
        D(2025, 3, 14),
        "KEN",
        answers=[request_of("KEN")],
    )
    at(monkeypatch, 2025, 4, 5, 9)
    move(workshop, "cancelled", by=staff_user)  # after March: March still held it
    client.force_login(staff_user)
    page = client.get("/matrix/calendar/", {"month": "2025-03"}).content.decode()
    assert "Workshop cancelled in April (test record)" in page
    assert "Mission cancelled in February (test record)" not in page
