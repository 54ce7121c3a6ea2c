"""`ctassist demo-data`: labelled demonstration records only, the same for a seed, removed
by --clear without touching real records or reference data."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from assistance.models import Activity, AssistanceRequest, ParticipantCount
from experts.models import AdvisoryGroup, Expert
from instruments.models import Instrument
from legislation.models import Law
from participation.models import TreatyAction
from plans.models import Plan, Step
from projects.models import Donor, Project
from states.models import Area, State

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = "2026-03-15"
BANNER = "This page shows demonstration records, generated for trying ctassist; they are not real."


def demo_data(*args) -> str:
    out = StringIO()
    call_command("demo_data", *args, stdout=out)
    return out.getvalue()


def reference_counts() -> dict:
    return {model.__name__: model.objects.count() for model in (State, Area, Instrument, TreatyAction, Law)}


def not_shipped(model):
    """Records that are not reference data: the donors of the reports' contributions tables are."""
    if model is Donor:
        return Donor.objects.exclude(pledges__reference_key__gt="").exclude(payments__reference_key__gt="")
    if model is Activity:
        # Real records that load-reference takes from published reports carry their source.
        return model.objects.filter(source="")
    if model is ParticipantCount:
        return model.objects.filter(activity__source="")
    return model.objects.all()


def snapshot() -> list[tuple]:
    return list(
        Activity.objects.filter(demonstration=True)
        .order_by("starts_on", "title", "host_state__iso3")
        .values_list("title", "kind", "starts_on", "ends_on", "host_state__iso3", "status", "project__code")
    )


def test_generates_labelled_records_of_every_kind_and_leaves_reference_data():
    before = reference_counts()
    out = demo_data("--activities", "300", "--seed", "7", "--today", TODAY)
    assert "300 activities" in out
    assert reference_counts() == before
    for model in (Donor, Project, Expert, AdvisoryGroup, AssistanceRequest, Activity, Plan):
        assert model.objects.filter(demonstration=True).exists(), model
        assert not not_shipped(model).filter(demonstration=False).exists(), model
    for model, field in (
        (Donor, "name"),
        (Project, "title"),
        (Expert, "name"),
        (AdvisoryGroup, "name"),
        (Activity, "title"),
        (Plan, "title"),
        (AssistanceRequest, "needs"),
    ):
        assert not not_shipped(model).exclude(**{f"{field}__contains": "(demonstration)"}).exists(), model
    assert ParticipantCount.objects.filter(activity__demonstration=True).count() > 300
    assert Step.objects.filter(plan__demonstration=True).count() >= 3 * Plan.objects.count()
    # Spread over the years since the global programme began (2002) and the world, with statuses
    # that follow the day given.
    years = {a.starts_on.year for a in Activity.objects.all()}
    assert years == set(range(2002, 2027))
    assert Activity.objects.values("host_state").distinct().count() > 100
    today = D.fromisoformat(TODAY)
    assert not Activity.objects.filter(ends_on__lt=today, status__in=["planned", "ongoing"]).exists()
    assert not Activity.objects.filter(starts_on__gt=today, status__in=["completed", "ongoing"]).exists()
    assert Activity.objects.filter(status="planned").exists()


def test_the_same_seed_gives_the_same_records():
    demo_data("--activities", "120", "--seed", "11", "--today", TODAY)
    first = snapshot()
    assert "Deleted demonstration records" in demo_data("--clear")
    demo_data("--activities", "120", "--seed", "11", "--today", TODAY)
    assert snapshot() == first
    demo_data("--clear")
    demo_data("--activities", "120", "--seed", "12", "--today", TODAY)
    assert snapshot() != first


def test_a_second_run_refuses_while_demonstration_records_exist():
    demo_data("--activities", "50", "--today", TODAY)
    count = Activity.objects.count()
    with pytest.raises(
        CommandError, match="Demonstration records exist already; remove them first with --clear"
    ):
        demo_data("--activities", "50")
    assert Activity.objects.count() == count
    with pytest.raises(CommandError, match="--today 'yesterday' is not a date"):
        demo_data("--today", "yesterday")


def test_clear_removes_only_demonstration_records():
    kenya = State.objects.get(iso3="KEN")
    real_request = AssistanceRequest.objects.create(
        state=kenya, received_on=D(2025, 1, 1), needs="Real (test record)"
    )
    real_activity = Activity.objects.create(
        title="Real workshop (test record)", kind="mentoring", starts_on=D(2025, 2, 1), ends_on=D(2025, 2, 2)
    )
    real_activity.requests.add(real_request)
    real_project = Project.objects.create(
        code="REAL-1", title="Real project (test record)", starts_on=D(2025, 1, 1), ends_on=D(2026, 1, 1)
    )
    before = reference_counts()
    before_reported = Activity.objects.exclude(source="").count()
    demo_data("--activities", "80", "--today", TODAY)
    # A real activity that answers a generated request loses only that link.
    real_activity.requests.add(AssistanceRequest.objects.filter(demonstration=True).first())
    out = demo_data("--clear")
    assert "80 activities" in out
    for model in (Donor, Project, Expert, AdvisoryGroup, AssistanceRequest, Activity, Plan):
        assert not model.objects.filter(demonstration=True).exists(), model
    assert not not_shipped(ParticipantCount).exists() and not Step.objects.exists()
    assert list(not_shipped(Activity)) == [real_activity]
    assert Activity.objects.exclude(source="").count() == before_reported
    assert list(real_activity.requests.all()) == [real_request]
    assert list(Project.objects.all()) == [real_project]
    assert reference_counts() == before
    assert "none" in demo_data("--clear")


def test_clear_refuses_when_a_real_activity_belongs_to_a_generated_project():
    demo_data("--activities", "40", "--today", TODAY)
    project = Project.objects.filter(demonstration=True).first()
    Activity.objects.create(
        title="Real (test record)",
        kind="mentoring",
        starts_on=D(2025, 2, 1),
        ends_on=D(2025, 2, 2),
        project=project,
    )
    with pytest.raises(CommandError, match="nothing was deleted"):
        demo_data("--clear")
    assert Activity.objects.filter(demonstration=True).count() == 40


def test_the_banner_on_the_matrix_page(client, staff_user):
    client.force_login(staff_user)
    assert BANNER not in client.get("/matrix/?month=2026-04").content.decode()
    demo_data("--activities", "400", "--today", TODAY)
    html = client.get("/matrix/?month=2026-04").content.decode()
    assert BANNER in html and "demonstration data</span>" in html
    # A month of the decade before any generated activity: no record, no banner.
    assert BANNER not in client.get("/matrix/?month=2016-01").content.decode()


def test_one_demonstration_account_per_role_whose_printed_log_ins_work(client, staff_user):
    import re

    from django.contrib.auth.models import User

    from accounts.access import role_of

    out = demo_data("--activities", "60", "--today", TODAY)
    logins = dict(re.findall(r"^  (demo-[a-z-]+)\s+(\S+)\s", out, re.MULTILINE))
    assert set(logins) == {
        "demo-staff",
        "demo-administrator",
        "demo-focal-point",
        "demo-donor",
        "demo-expert",
    }
    for username, password in logins.items():
        user = User.objects.get(username=username)
        assert role_of(user) == username.removeprefix("demo-") and user.profile.demonstration
        assert "(demonstration)" in user.get_full_name()
        assert client.login(username=username, password=password), username
    focal_point = User.objects.get(username="demo-focal-point")
    assert AssistanceRequest.objects.filter(demonstration=True, state=focal_point.profile.state).exists()
    assert focal_point.profile.state.name("en") in out
    donor = Donor.objects.get(representatives__username="demo-donor")
    assert donor.demonstration and donor.name in out
    assert Expert.objects.get(user__username="demo-expert").demonstration
    # --clear removes them, and only them.
    assert "5 accounts" in demo_data("--clear")
    assert list(User.objects.values_list("username", flat=True)) == [staff_user.username]
    assert not client.login(username="demo-staff", password=logins["demo-staff"])


def test_a_real_user_named_like_a_demonstration_account_stops_the_generation():
    from django.contrib.auth.models import User

    User.objects.create_user("demo-staff", password="a long test password 1")
    with pytest.raises(CommandError, match="Users named demo-staff exist already"):
        demo_data("--activities", "30", "--today", TODAY)
    assert not not_shipped(Activity).exists() and User.objects.count() == 1
