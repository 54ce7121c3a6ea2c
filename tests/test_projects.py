"""Projects, donors and activity pages: a donor sees only what it funds; staff plan activities."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import translation

from accounts.models import Role
from assistance.models import Activity, AssistanceRequest
from instruments.models import Instrument
from projects.models import Donor, Project
from states.models import Area, State
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def funded():
    """Two donors, each funding one project with one activity; a third activity has no project."""
    norway_user, japan_user = make_user("donor-nor", Role.DONOR), make_user("donor-jpn", Role.DONOR)
    norway = Donor.objects.create(
        name="Norway (test record)", kind="state", state=State.objects.get(iso3="NOR")
    )
    japan = Donor.objects.create(
        name="Japan (test record)", kind="state", state=State.objects.get(iso3="JPN")
    )
    norway.representatives.add(norway_user)
    japan.representatives.add(japan_user)
    sahel = Project.objects.create(
        code="SAH-T01",
        title="Sahel criminal justice (test record)",
        starts_on=D(2025, 1, 1),
        ends_on=D(2027, 6, 30),
        budget=Decimal("1250000.00"),
        currency="EUR",
    )
    sahel.donors.add(norway)
    sahel.regions.add(Area.objects.get(code="011"))  # Western Africa
    asia = Project.objects.create(
        code="ASI-T02",
        title="Asian ratification drive (test record)",
        starts_on=D(2025, 1, 1),
        ends_on=D(2026, 12, 31),
    )
    asia.donors.add(japan)
    mali = Activity.objects.create(
        title="Training of prosecutors in Bamako (test record)",
        kind="training-course",
        starts_on=D(2026, 3, 2),
        ends_on=D(2026, 3, 6),
        host_state=State.objects.get(iso3="MLI"),
        project=sahel,
    )
    manila = Activity.objects.create(
        title="Workshop in Manila (test record)",
        kind="national-workshop",
        starts_on=D(2026, 4, 2),
        ends_on=D(2026, 4, 3),
        host_state=State.objects.get(iso3="PHL"),
        project=asia,
    )
    unfunded = Activity.objects.create(
        title="Advice to Chad (test record)",
        kind="legislative-advice",
        starts_on=D(2026, 5, 1),
        ends_on=D(2026, 5, 1),
        host_state=State.objects.get(iso3="TCD"),
    )
    return {
        "norway_user": norway_user,
        "sahel": sahel,
        "asia": asia,
        "mali": mali,
        "manila": manila,
        "unfunded": unfunded,
    }


def test_staff_see_every_project_with_its_figures(client, staff_user, funded):
    client.force_login(staff_user)
    page = client.get("/projects/").content.decode()
    assert "SAH-T01" in page and "ASI-T02" in page
    assert "1,250,000.00 EUR" in page and "Western Africa" in page and "Norway (test record)" in page
    detail = client.get(f"/projects/{funded['sahel'].id}/").content.decode()
    assert "Training of prosecutors in Bamako (test record)" in detail
    assert "Workshop in Manila" not in detail
    codes = [p["code"] for p in client.get("/api/v1/projects").json()]
    assert codes == ["ASI-T02", "SAH-T01"]
    # The donors of the contributions the reports print are shipped reference data (funding).
    shipped = {
        *Donor.objects.filter(pledges__reference_key__gt="").values_list("name", flat=True),
        *Donor.objects.filter(payments__reference_key__gt="").values_list("name", flat=True),
    }
    assert {d["name"] for d in client.get("/api/v1/donors").json()} - shipped == {
        "Norway (test record)",
        "Japan (test record)",
    }


def test_a_donor_sees_only_what_it_funds(client, funded):
    client.force_login(funded["norway_user"])
    page = client.get("/projects/").content.decode()
    assert "SAH-T01" in page and "ASI-T02" not in page
    assert client.get(f"/projects/{funded['sahel'].id}/").status_code == 200
    assert client.get(f"/projects/{funded['asia'].id}/").status_code == 404
    listing = client.get("/activities/").content.decode()
    assert "Bamako" in listing and "Manila" not in listing and "Advice to Chad" not in listing
    assert client.get(f"/activities/{funded['mali'].id}/").status_code == 200
    assert client.get(f"/activities/{funded['manila'].id}/").status_code == 404
    assert client.get(f"/activities/{funded['unfunded'].id}/").status_code == 404
    # The same through the API.
    projects = client.get("/api/v1/projects").json()
    assert [(p["code"], p["budget"], p["activity_count"]) for p in projects] == [("SAH-T01", "1250000.00", 1)]
    assert client.get(f"/api/v1/projects/{funded['asia'].id}").status_code == 404
    detail = client.get(f"/api/v1/projects/{funded['sahel'].id}").json()
    assert [a["title"] for a in detail["activities"]] == ["Training of prosecutors in Bamako (test record)"]
    assert [a["project"] for a in client.get("/api/v1/activities").json()] == ["SAH-T01"]
    assert [d["name"] for d in client.get("/api/v1/donors").json()] == ["Norway (test record)"]


def test_others_see_no_project(client, focal_point_fra, funded):
    assert "No project you may see." in client.get("/projects/").content.decode()
    assert client.get(f"/projects/{funded['sahel'].id}/").status_code == 404
    assert client.get("/api/v1/projects").json() == [] and client.get("/api/v1/donors").json() == []
    client.force_login(focal_point_fra)
    assert client.get(f"/projects/{funded['sahel'].id}/").status_code == 404
    assert client.get(f"/api/v1/projects/{funded['sahel'].id}").status_code == 404


def test_activity_list_filters(client, staff_user, funded):
    client.force_login(staff_user)
    page = client.get("/activities/?project=SAH-T01").content.decode()
    assert "Bamako" in page and "Manila" not in page and "1 activity" in page
    page = client.get("/activities/?state=PHL&kind=national-workshop").content.decode()
    assert "Manila" in page and "Bamako" not in page
    page = client.get("/activities/?from=2026-04-01&to=2026-04-30").content.decode()
    assert "Manila" in page and "Bamako" not in page and "Advice to Chad" not in page
    response = client.get("/activities/?from=April")
    assert response.status_code == 400 and "Enter a valid date." in response.content.decode()
    titles = [a["title"] for a in client.get("/api/v1/activities?project=ASI-T02").json()]
    assert titles == ["Workshop in Manila (test record)"]
    Activity.objects.create(
        title="Roving mission (test record)",
        kind="roving-mission",
        starts_on=D(2026, 6, 1),
        ends_on=D(2026, 6, 9),
    )
    assert client.get("/api/v1/activities?state=ZZZ").json() == []  # not the activities without a host
    assert client.get("/api/v1/activities?project=NONE").json() == []


@pytest.mark.usefixtures("without_reported_records")
def test_api_activities_are_paginated(client, staff_user, funded):
    client.force_login(staff_user)
    titles = [a["title"] for a in client.get("/api/v1/activities?limit=2").json()]
    assert titles == ["Training of prosecutors in Bamako (test record)", "Workshop in Manila (test record)"]
    assert [a["title"] for a in client.get("/api/v1/activities?limit=2&offset=2").json()] == [
        "Advice to Chad (test record)"
    ]
    assert client.get("/api/v1/activities?limit=1001").status_code == 422
    assert client.get("/api/v1/activities?limit=0").status_code == 422


@pytest.mark.usefixtures("without_reported_records")
def test_staff_plan_an_activity_that_answers_a_request(client, staff_user):
    answered = AssistanceRequest.objects.create(
        state=State.objects.get(iso3="FRA"),
        received_on=D(2026, 2, 1),
        needs="Drafting of a law on nuclear terrorism (test record)",
        thematic_areas=["nuclear"],
    )
    answered.instruments.set(Instrument.objects.filter(slug="nuclear-terrorism-2005"))
    client.force_login(staff_user)
    form = client.get(f"/activities/new/?request={answered.id}").content.decode()
    assert '<label for="id_title">Title</label>' in form
    assert '<option value="FRA" selected>' in form  # the host state comes from the request
    assert 'value="nuclear" id="id_thematic_areas_4" checked' in form
    nuclear = Instrument.objects.get(slug="nuclear-terrorism-2005")
    assert re.search(rf'value="{nuclear.id}" id="id_instruments_\d+" checked', form)
    response = client.post(
        f"/activities/new/?request={answered.id}",
        {
            "title": "Drafting workshop in Paris (test record)",
            "kind": "drafting-workshop",
            "starts_on": "2026-03-16",
            "ends_on": "2026-03-13",
            "host_state": "FRA",
            "status": "planned",
        },
    )
    assert response.status_code == 400
    assert "Ends on: An activity cannot end before it starts." in response.content.decode()
    assert not Activity.objects.exists()
    response = client.post(
        f"/activities/new/?request={answered.id}",
        {
            "title": "Drafting workshop in Paris (test record)",
            "kind": "drafting-workshop",
            "starts_on": "2026-03-16",
            "ends_on": "2026-03-18",
            "host_state": "FRA",
            "participating_states": ["FRA", "BEL"],
            "instruments": [Instrument.objects.get(slug="nuclear-terrorism-2005").id],
            "status": "planned",
        },
    )
    planned = Activity.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/activities/{planned.id}/"
    assert list(planned.requests.all()) == [answered]
    page = client.get(f"/requests/{answered.id}/").content.decode()
    assert "Drafting workshop in Paris (test record)" in page


def test_only_staff_plan_activities(client, focal_point_fra):
    assert client.get("/activities/new/").status_code == 302  # to the login page
    client.force_login(focal_point_fra)
    assert client.get("/activities/new/").status_code == 403


def test_a_script_in_a_title_is_shown_as_text(client, staff_user):
    activity = Activity.objects.create(
        title="<script>alert(1)</script> (test record)",
        kind="mentoring",
        starts_on=D(2026, 3, 1),
        ends_on=D(2026, 3, 2),
        partners="<b>OSCE</b>",
        demonstration=True,
    )
    client.force_login(staff_user)
    page = client.get(f"/activities/{activity.id}/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; (test record)" in page and "&lt;b&gt;OSCE&lt;/b&gt;" in page
    assert "demonstration data" in page
    assert "<script>alert" not in client.get("/activities/").content.decode()


@pytest.fixture
def restores_the_language():
    # A page under /ar/ leaves Arabic active in this thread for the tests that follow.
    with translation.override("en"):
        yield


def test_pages_in_chinese_and_arabic(client, staff_user, funded, restores_the_language):
    client.force_login(staff_user)
    page = client.get(f"/ar/activities/{funded['mali'].id}/").content.decode()
    assert 'dir="rtl"' in page and "Training of prosecutors in Bamako (test record)" in page
    assert "马里" in client.get(f"/zh-hans/activities/{funded['mali'].id}/").content.decode()  # Mali
    assert client.get("/zh-hans/projects/").status_code == 200
    assert 'dir="rtl"' in client.get(f"/ar/projects/{funded['sahel'].id}/").content.decode()


def test_staff_edit_activities_and_projects_in_the_admin(client, staff_user, funded):
    client.force_login(staff_user)
    page = client.get(f"/admin/assistance/activity/{funded['mali'].id}/change/").content.decode()
    assert "Participant counts" in page and 'name="participant_counts-TOTAL_FORMS"' in page
    assert 'type="checkbox" name="thematic_areas" value="nuclear"' in page
    assert 'name="project"' in page
    page = client.get(f"/admin/projects/project/{funded['sahel'].id}/change/").content.decode()
    assert 'name="donors"' in page and 'name="regions"' in page
    page = client.get("/admin/projects/donor/add/").content.decode()
    assert "donor-nor" in page  # users with the donor role are offered as representatives
    assert "staff</option>" not in page
