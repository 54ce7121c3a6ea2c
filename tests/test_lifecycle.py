"""One lifecycle for every record with a status (ctassist.lifecycle): requests, activities,
reviews, outcomes and plans. Every allowed move works and is recorded with who made it; a
move not in the map, or by someone without the right, is refused with its message and
leaves the database as it was."""

import datetime
import re
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from accounts.models import Role
from assessments.models import Review
from assistance.models import Activity, AssistanceRequest
from ctassist.lifecycle import MoveRefused, move
from instruments.models import Instrument
from outcomes.models import Outcome
from participation.models import StatusSource, TreatyAction
from plans.models import Plan
from states.models import State
from tests.conftest import make_activity, make_user

pytestmark = pytest.mark.django_db
D = datetime.date


def fra():
    return State.objects.get(iso3="FRA")


def a_request(status):
    return AssistanceRequest.objects.create(
        state=fra(), received_on=D(2026, 10, 1), needs="Lifecycle (test record)", status=status
    )


def an_activity(status):
    return make_activity("Lifecycle (test record)", D(2026, 5, 4), D(2026, 5, 6), status=status, host="FRA")


def a_review(status):
    # One review per state and instrument: each new one takes the next instrument.
    taken = Review.objects.filter(state=fra()).values("instrument")
    instrument = Instrument.objects.exclude(id__in=taken).order_by("position").first()
    return Review.objects.create(state=fra(), instrument=instrument, status=status)


def an_outcome(status):
    source, _ = StatusSource.objects.get_or_create(
        name="Status list (test record)", defaults={"citation": "tests", "as_at": D(2026, 1, 1)}
    )
    activity = make_activity(
        "Seminar (test record)", D(2020, 6, 10), D(2020, 6, 12), status="completed", host="FRA"
    )
    deposit, _ = TreatyAction.objects.get_or_create(
        state=fra(),
        instrument=Instrument.objects.get(slug="beijing-2010"),
        kind="ratification",
        date=D(2021, 5, 15),
        defaults={"source": source},
    )
    return Outcome.objects.create(
        activity=activity,
        state=fra(),
        kind="ratification",
        treaty_action=deposit,
        status=status,
        reason="Deposited 11 months after the seminar (test record)",
    )


def a_plan(status):
    return Plan.objects.create(
        state=fra(), kind="action-plan", title="Lifecycle (test record)", status=status
    )


MAKERS = {
    AssistanceRequest: a_request,
    Activity: an_activity,
    Review: a_review,
    Outcome: an_outcome,
    Plan: a_plan,
}


def every_move(model):
    return [(model, m.source, m.target) for m in model.lifecycle.moves]


def snapshot(record):
    """What a refused move must not change: the row and its history."""
    return type(record).objects.filter(pk=record.pk).values().get(), record.history.count()


def assert_refused(record, to, user, kind, message):
    before = snapshot(record)
    with pytest.raises(kind, match=re.escape(message)):
        move(record, to, by=user)
    assert snapshot(record) == before


def assert_moved(record, to, user, reason=""):
    started = timezone.now()
    moved = move(record, to, by=user, reason=reason)
    stored = type(record).objects.get(pk=record.pk)
    assert moved.status == stored.status == to
    entry = stored.history.first()  # the newest
    assert (entry.status, entry.history_user) == (to, user) and entry.history_date >= started
    return stored


# Every allowed move of every lifecycle, made by staff, is made and recorded with its author.
@pytest.mark.parametrize(
    "model,source,target",
    every_move(AssistanceRequest)
    + every_move(Activity)
    + every_move(Review)
    + every_move(Outcome)
    + every_move(Plan),
    ids=lambda value: getattr(value, "__name__", str(value)),
)
def test_every_allowed_move_is_made_and_recorded(staff_user, model, source, target):
    record = MAKERS[model](source)
    stored = assert_moved(record, target, staff_user, reason="Outside the mandate (test record)")
    if target in ("declined", "rejected"):
        assert stored.history.first().history_change_reason == "Outside the mandate (test record)"


def test_a_declined_request_keeps_its_reason_and_a_rejected_outcome_its_own(staff_user):
    declined = assert_moved(a_request("assessed"), "declined", staff_user, reason=" Outside the mandate ")
    assert declined.decline_reason == "Outside the mandate"
    rejected = assert_moved(an_outcome("proposed"), "rejected", staff_user, reason="Coincidence")
    assert rejected.reason.endswith("Rejected: Coincidence") and rejected.decided_by == staff_user
    confirmed = assert_moved(an_outcome("proposed"), "confirmed", staff_user)
    assert confirmed.decided_by == staff_user and confirmed.decided_on is not None


def test_refused_request_moves(staff_user, focal_point_fra):
    request = a_request("received")
    assert_refused(
        request, "completed", staff_user, ValidationError, "A request cannot go from received to completed."
    )
    assert_refused(request, "declined", staff_user, ValidationError, "Say why the request is declined.")
    # Its own state's focal point submits and follows it; only staff move it.
    assert_refused(
        request,
        "assessed",
        focal_point_fra,
        PermissionDenied,
        "Only staff move a request along its lifecycle.",
    )


def test_refused_activity_moves(staff_user, focal_point_fra, focal_point_chn):
    activity = an_activity("completed")
    assert_refused(
        activity, "ongoing", staff_user, ValidationError, "An activity cannot go from completed to ongoing."
    )
    planned = an_activity("planned")
    for user in (focal_point_fra, focal_point_chn):  # the host's focal point, and another state's
        assert_refused(
            planned, "ongoing", user, PermissionDenied, "Only staff change the status of an activity."
        )


def test_refused_review_moves(staff_user, focal_point_fra):
    expert = make_user("expert", Role.EXPERT)
    draft = a_review("draft")
    draft.experts.add(expert)
    assert_refused(draft, "final", staff_user, ValidationError, "A review cannot go from draft to final.")
    assert_refused(
        draft,
        "in-review",
        focal_point_fra,
        PermissionDenied,
        "Only staff and the review's experts move a review.",
    )
    in_review = a_review("in-review")
    in_review.experts.add(expert)
    assert_refused(in_review, "final", expert, PermissionDenied, "Only staff make a review final.")
    final = a_review("final")
    final.experts.add(expert)
    assert_refused(final, "draft", expert, PermissionDenied, "Only staff reopen a final review.")
    assert_moved(in_review, "draft", expert)  # an assigned expert moves between draft and in review


def test_refused_outcome_moves(staff_user, focal_point_fra):
    outcome = an_outcome("proposed")
    assert_refused(
        outcome, "rejected", staff_user, ValidationError, "Say why the proposed outcome is rejected."
    )
    assert_refused(
        outcome,
        "confirmed",
        focal_point_fra,
        PermissionDenied,
        "Only staff confirm or reject a proposed outcome.",
    )
    confirmed = an_outcome("confirmed")
    assert_refused(
        confirmed,
        "rejected",
        staff_user,
        ValidationError,
        "This outcome is already confirmed: only a proposed outcome can be rejected.",
    )
    assert_refused(
        outcome, "proposed", staff_user, ValidationError, "An outcome cannot go from proposed to proposed."
    )


def test_refused_plan_moves(staff_user, focal_point_fra, focal_point_chn):
    completed = a_plan("completed")
    assert_refused(
        completed, "draft", staff_user, ValidationError, "A plan cannot go from completed to draft."
    )
    draft = a_plan("draft")
    assert_refused(draft, "finished", staff_user, ValidationError, "A plan cannot go from draft to finished.")
    assert_refused(
        draft,
        "adopted",
        focal_point_chn,
        PermissionDenied,
        "Only staff and the focal point of the plan's state change its status.",
    )
    donor = make_user("donor", Role.DONOR)
    assert_refused(
        draft,
        "adopted",
        donor,
        PermissionDenied,
        "Only staff and the focal point of the plan's state change its status.",
    )
    # The plan's own focal point records where the plan stands.
    assert_moved(draft, "adopted", focal_point_fra)


def test_every_refusal_is_a_move_refused(staff_user, focal_point_fra):
    with pytest.raises(MoveRefused):
        move(a_plan("draft"), "completed", by=staff_user)
    with pytest.raises(MoveRefused):
        move(a_request("received"), "assessed", by=focal_point_fra)


def test_a_move_judges_the_status_in_the_database_not_a_stale_copy(staff_user):
    plan = a_plan("draft")
    stale = Plan.objects.get(pk=plan.pk)
    move(plan, "adopted", by=staff_user)
    # Someone else's page still shows "draft": pressing "adopted" again is refused.
    assert_refused(stale, "adopted", staff_user, ValidationError, "A plan cannot go from adopted to adopted.")


def test_the_plan_page_offers_the_allowed_moves_to_those_allowed(client, focal_point_fra, focal_point_chn):
    plan = a_plan("draft")
    client.force_login(focal_point_fra)
    page = client.get(f"/plans/{plan.id}/").content.decode()
    assert (
        'name="to" value="adopted"' in page
        and 'value="abandoned"' in page
        and 'value="completed"' not in page
    )
    edit = client.get(f"/plans/{plan.id}/edit/").content.decode()
    assert 'name="status"' not in edit  # no longer a free field of the form
    assert client.get(f"/plans/{plan.id}/status/").status_code == 405
    refused = client.post(f"/plans/{plan.id}/status/", {"to": "completed"})
    assert (
        refused.status_code == 400 and "A plan cannot go from draft to completed." in refused.content.decode()
    )
    assert client.post(f"/plans/{plan.id}/status/", {"to": "adopted"}).status_code == 302
    plan.refresh_from_db()
    assert plan.status == "adopted" and plan.history.first().history_user == focal_point_fra
    client.force_login(focal_point_chn)  # another state's focal point does not even see it
    assert client.post(f"/plans/{plan.id}/status/", {"to": "under-way"}).status_code == 404
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(focal_point_fra)
    assert strict.post(f"/plans/{plan.id}/status/", {"to": "under-way"}).status_code == 403
    plan.refresh_from_db()
    assert plan.status == "adopted"


def test_the_plan_page_offers_its_moves_in_arabic_right_to_left(client, staff_user):
    plan = a_plan("draft")
    client.force_login(staff_user)
    page = client.get(f"/ar/plans/{plan.id}/").content.decode()
    assert 'dir="rtl"' in page and 'name="to" value="adopted"' in page


def test_the_review_page_offers_an_expert_only_the_moves_it_may_make(client, staff_user):
    expert = make_user("expert", Role.EXPERT)
    review = a_review("in-review")
    review.experts.add(expert)
    url = f"/reviews/FRA/{review.instrument.slug}/"
    client.force_login(expert)
    page = client.get(url).content.decode()
    assert 'value="draft"' in page and 'value="final"' not in page
    client.force_login(staff_user)
    assert 'value="final"' in client.get(url).content.decode()


def test_no_status_is_set_outside_the_lifecycle():
    # The demonstration generator writes new records with their statuses; it moves none.
    root = Path(__file__).resolve().parent.parent
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in root.glob("*/**/*.py")
        if not {".venv", "migrations", "tests", "demo"} & set(path.relative_to(root).parts)
        and path.relative_to(root).as_posix() != "ctassist/lifecycle.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.status\s*=[^=]", line)
    ]
    assert found == []


def test_the_admin_creates_at_any_status_but_moves_nothing(client, staff_user):
    client.force_login(staff_user)
    assert 'name="status"' in client.get("/admin/plans/plan/add/").content.decode()
    for url in (
        f"/admin/plans/plan/{a_plan('draft').id}/change/",
        f"/admin/outcomes/outcome/{an_outcome('proposed').id}/change/",
        f"/admin/assistance/assistancerequest/{a_request('received').id}/change/",
        f"/admin/assistance/activity/{an_activity('planned').id}/change/",
        f"/admin/assessments/review/{a_review('draft').id}/change/",
    ):
        page = client.get(url)
        assert page.status_code == 200 and 'name="status"' not in page.content.decode()
