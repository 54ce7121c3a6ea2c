"""A confidential request never reaches the public, a donor or another state's focal point:
not in the request pages, not in the activity pages, not in the API."""

import datetime

import pytest

from accounts.models import Role
from assistance.models import Activity, AssistanceRequest
from projects.models import Donor, Project
from states.models import State
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
D = datetime.date
SECRET = "Secret needs of France (test record)"
OPEN = "Published needs of France (test record)"


@pytest.fixture
def case(focal_point_chn):
    france = State.objects.get(iso3="FRA")
    secret = AssistanceRequest.objects.create(state=france, received_on=D(2026, 1, 5), needs=SECRET)
    published = AssistanceRequest.objects.create(
        state=france, received_on=D(2026, 1, 6), needs=OPEN, confidential=False
    )
    donor_user = make_user("donor", Role.DONOR)
    donor = Donor.objects.create(name="A fund (test record)", kind="other")
    donor.representatives.add(donor_user)
    project = Project.objects.create(
        code="EUR-T01", title="Europe (test record)", starts_on=D(2026, 1, 1), ends_on=D(2026, 12, 31)
    )
    project.donors.add(donor)
    # China takes part, so China's focal point sees the activity, but not France's secrets.
    activity = Activity.objects.create(
        title="Seminar in Paris (test record)",
        kind="regional-seminar",
        starts_on=D(2026, 3, 2),
        ends_on=D(2026, 3, 4),
        host_state=france,
        project=project,
    )
    activity.participating_states.add(State.objects.get(iso3="CHN"))
    activity.requests.add(secret, published)
    return {
        "secret": secret,
        "published": published,
        "activity": activity,
        "donor": donor_user,
        "other focal point": focal_point_chn,
    }


def assert_secret_hidden(client, case):
    secret, published = case["secret"], case["published"]
    listing = client.get("/requests/").content.decode()
    assert f"/requests/{secret.id}/" not in listing and f"/requests/{published.id}/" in listing
    assert client.get(f"/requests/{secret.id}/").status_code == 404
    assert OPEN in client.get(f"/requests/{published.id}/").content.decode()
    assert [r["needs"] for r in client.get("/api/v1/requests").json()] == [OPEN]


@pytest.mark.parametrize("viewer", ["donor", "other focal point"])
def test_a_viewer_of_the_activity_sees_only_the_published_request(client, case, viewer):
    client.force_login(case[viewer])
    assert_secret_hidden(client, case)
    page = client.get(f"/activities/{case['activity'].id}/").content.decode()
    assert f"/requests/{case['published'].id}/" in page
    assert f"/requests/{case['secret'].id}/" not in page
    [activity] = client.get("/api/v1/activities").json()
    assert activity["requests"] == [case["published"].id]
    assert activity["experts"] is None  # staff only


def test_the_public_sees_published_requests_and_no_activity(client, case):
    assert_secret_hidden(client, case)
    assert "Secret needs" not in client.get("/requests/").content.decode()
    assert client.get(f"/activities/{case['activity'].id}/").status_code == 404
    assert client.get("/api/v1/activities").json() == []
    # A published request lists only the activities the viewer may see.
    assert "Seminar in Paris" not in client.get(f"/requests/{case['published'].id}/").content.decode()


def test_the_own_state_and_staff_see_both(client, case, focal_point_fra, staff_user):
    for user in (focal_point_fra, staff_user):
        client.force_login(user)
        assert client.get(f"/requests/{case['secret'].id}/").status_code == 200
        page = client.get(f"/activities/{case['activity'].id}/").content.decode()
        assert f"/requests/{case['secret'].id}/" in page
        [activity] = [a for a in client.get("/api/v1/activities").json() if a["id"] == case["activity"].id]
        assert sorted(activity["requests"]) == sorted([case["secret"].id, case["published"].id])
        assert {r["needs"] for r in client.get("/api/v1/requests").json()} == {SECRET, OPEN}
        # Pages of requests, newest first.
        assert [r["needs"] for r in client.get("/api/v1/requests?limit=1&offset=0").json()] == [OPEN]
        assert [r["needs"] for r in client.get("/api/v1/requests?limit=1&offset=1").json()] == [SECRET]
    assert activity["experts"] == []  # staff see the assigned experts (none here)
