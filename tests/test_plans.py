"""National action plans and drafting committees: who sees them, steps in order, overdue steps."""

import datetime

import pytest

from accounts.models import Role
from assistance.models import AssistanceRequest
from plans.models import Plan, Step
from states.models import State
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def french_plan():
    plan = Plan.objects.create(
        state=State.objects.get(iso3="FRA"),
        kind="action-plan",
        title="National action plan against terrorism (test record)",
        status="adopted",
        established_on=TODAY - 400 * DAY,
    )
    Step.objects.create(
        plan=plan, position=2, title="Draft the financing law (test record)", due_on=TODAY - DAY
    )
    Step.objects.create(
        plan=plan,
        position=1,
        title="Ratify the 2005 Convention (test record)",
        due_on=TODAY - 30 * DAY,
        done_on=TODAY - 40 * DAY,
    )
    Step.objects.create(
        plan=plan, position=3, title="Train prosecutors (test record)", due_on=TODAY + 30 * DAY
    )
    return plan


@pytest.fixture
def chinese_plan():
    return Plan.objects.create(
        state=State.objects.get(iso3="CHN"),
        kind="drafting-committee",
        title="Drafting committee on the counter-terrorism law (test record)",
    )


def test_a_focal_point_sees_its_own_states_plans_and_404_for_another(
    client, french_plan, chinese_plan, focal_point_fra
):
    client.force_login(focal_point_fra)
    page = client.get("/plans/").content.decode()
    assert french_plan.title in page and chinese_plan.title not in page
    assert client.get(f"/plans/{french_plan.id}/").status_code == 200
    assert client.get(f"/plans/{chinese_plan.id}/").status_code == 404
    assert client.get(f"/plans/{chinese_plan.id}/edit/").status_code == 404
    response = client.post(
        f"/plans/{chinese_plan.id}/steps/new/", {"position": 1, "title": "Intrusion (test record)"}
    )
    assert response.status_code == 404
    assert not chinese_plan.steps.exists()


def test_the_public_is_sent_to_log_in_and_other_roles_see_nothing(client, french_plan):
    response = client.get("/plans/")
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.get(f"/plans/{french_plan.id}/").status_code == 302
    assert client.get("/api/v1/plans").json() == []
    assert client.get(f"/api/v1/plans/{french_plan.id}").status_code == 404
    for role in (Role.DONOR, Role.EXPERT):
        client.force_login(make_user(f"user-{role}", role))
        assert french_plan.title not in client.get("/plans/").content.decode()
        assert client.get(f"/plans/{french_plan.id}/").status_code == 404
        assert client.get("/api/v1/plans").json() == []


def test_steps_in_order_with_the_overdue_one_marked(client, french_plan, staff_user):
    client.force_login(staff_user)
    page = client.get(f"/plans/{french_plan.id}/").content.decode()
    ratify, draft, train = (
        page.index(t) for t in ("Ratify the 2005", "Draft the financing law", "Train prosecutors")
    )
    assert ratify < draft < train
    rows = page.split("<tr")
    overdue_rows = [row for row in rows if 'class="overdue"' in row]
    assert len(overdue_rows) == 1 and "Draft the financing law" in overdue_rows[0]
    assert "overdue" in overdue_rows[0]
    steps = client.get(f"/api/v1/plans/{french_plan.id}").json()["steps"]
    assert [(s["position"], s["overdue"]) for s in steps] == [(1, False), (2, True), (3, False)]


def test_a_focal_point_adds_and_updates_steps_of_its_own_plan(client, french_plan, focal_point_fra):
    client.force_login(focal_point_fra)
    response = client.post(
        f"/plans/{french_plan.id}/steps/new/",
        {
            "position": 4,
            "title": "Adopt the <b>regulations</b> (test record)",
            "due_on": (TODAY + 60 * DAY).isoformat(),
        },
    )
    assert response.status_code == 302
    page = client.get(f"/plans/{french_plan.id}/").content.decode()
    assert "Adopt the &lt;b&gt;regulations&lt;/b&gt; (test record)" in page
    draft = french_plan.steps.get(position=2)
    response = client.post(
        f"/plans/{french_plan.id}/steps/{draft.id}/",
        {
            "position": 2,
            "title": draft.title,
            "due_on": draft.due_on.isoformat(),
            "done_on": TODAY.isoformat(),
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.done_on == TODAY
    assert 'class="overdue"' not in client.get(f"/plans/{french_plan.id}/").content.decode()


def test_bad_step_dates_are_refused_naming_the_field(client, french_plan, focal_point_fra):
    client.force_login(focal_point_fra)
    before = french_plan.established_on - DAY
    response = client.post(
        f"/plans/{french_plan.id}/steps/new/",
        {"position": 5, "title": "Too early (test record)", "done_on": before.isoformat()},
    )
    assert response.status_code == 400
    assert "cannot be done before its plan was established" in response.content.decode()
    response = client.post(
        f"/plans/{french_plan.id}/steps/new/",
        {"position": 5, "title": "Too late (test record)", "done_on": (TODAY + DAY).isoformat()},
    )
    assert response.status_code == 400
    assert "cannot be done on a date still to come" in response.content.decode()
    assert french_plan.steps.count() == 3


def test_only_staff_create_plans(client, staff_user, focal_point_fra):
    client.force_login(focal_point_fra)
    assert client.get("/plans/new/").status_code == 403
    client.force_login(staff_user)
    response = client.post(
        "/plans/new/",
        {
            "state": "KEN",
            "kind": "drafting-committee",
            "title": "Kenyan drafting committee (test record)",
            "status": "draft",
        },
    )
    assert response.status_code == 302
    plan = Plan.objects.get(title="Kenyan drafting committee (test record)")
    assert plan.state.iso3 == "KEN"
    response = client.post(
        "/plans/new/", {"state": "KEN", "kind": "nonsense", "title": "", "status": "draft"}
    )
    assert response.status_code == 400 and "This field is required" in response.content.decode()
    assert Plan.objects.filter(state__iso3="KEN").count() == 1


def test_a_focal_point_updates_its_plan_but_not_its_state(client, french_plan, focal_point_fra):
    client.force_login(focal_point_fra)
    response = client.post(
        f"/plans/{french_plan.id}/edit/",
        {"kind": "action-plan", "title": french_plan.title, "status": "under-way", "state": "CHN"},
    )
    assert response.status_code == 302
    french_plan.refresh_from_db()
    # The status is no field of the form: the plan moves along its lifecycle with its buttons.
    assert french_plan.status == "adopted" and french_plan.state.iso3 == "FRA"
    assert client.post(f"/plans/{french_plan.id}/status/", {"to": "under-way"}).status_code == 302
    french_plan.refresh_from_db()
    assert french_plan.status == "under-way" and french_plan.state.iso3 == "FRA"


def test_linked_requests_only_those_the_viewer_may_see(client, french_plan, staff_user, focal_point_fra):
    france, china = State.objects.get(iso3="FRA"), State.objects.get(iso3="CHN")
    own = AssistanceRequest.objects.create(state=france, received_on="2026-01-05", needs="Own (test record)")
    # Staff could link a request of another state by hand in the admin; it must not leak.
    other = AssistanceRequest.objects.create(
        state=china, received_on="2026-02-07", needs="Other (test record)"
    )
    french_plan.requests.set([own, other])
    client.force_login(focal_point_fra)
    page = client.get(f"/plans/{french_plan.id}/").content.decode()
    assert "received 2026-01-05" in page and "received 2026-02-07" not in page
    assert client.get(f"/api/v1/plans/{french_plan.id}").json()["requests"] == [own.id]
    client.force_login(staff_user)
    assert sorted(client.get(f"/api/v1/plans/{french_plan.id}").json()["requests"]) == sorted(
        [own.id, other.id]
    )


def test_api_lists_plans_scoped_and_filtered(client, french_plan, chinese_plan, staff_user, focal_point_chn):
    client.force_login(staff_user)
    assert {p["title"] for p in client.get("/api/v1/plans").json()} >= {french_plan.title, chinese_plan.title}
    assert [p["state"] for p in client.get("/api/v1/plans?state=chn").json()] == ["CHN"]
    assert [p["kind"] for p in client.get("/api/v1/plans?kind=action-plan&state=FRA").json()] == [
        "action-plan"
    ]
    assert client.get("/api/v1/plans?kind=nonsense").status_code == 422
    client.force_login(focal_point_chn)
    assert [p["id"] for p in client.get("/api/v1/plans").json()] == [chinese_plan.id]
    assert client.get(f"/api/v1/plans/{french_plan.id}").status_code == 404


def test_a_demonstration_plan_is_labelled(client, chinese_plan, focal_point_chn):
    chinese_plan.demonstration = True
    chinese_plan.save()
    client.force_login(focal_point_chn)
    assert "demonstration data" in client.get("/plans/").content.decode()
    assert "demonstration data" in client.get(f"/plans/{chinese_plan.id}/").content.decode()
    assert client.get(f"/api/v1/plans/{chinese_plan.id}").json()["demonstration"] is True


def test_the_plan_pages_in_chinese_and_arabic(client, french_plan, focal_point_fra):
    client.force_login(focal_point_fra)
    for prefix in ("/zh-hans", "/ar"):
        assert client.get(f"{prefix}/plans/").status_code == 200
        page = client.get(f"{prefix}/plans/{french_plan.id}/").content.decode()
        assert "Train prosecutors (test record)" in page
    assert 'dir="rtl"' in page
