"""Participants of activities: counts by state, professional role and gender, and their totals."""

import datetime

import pytest
from django.utils import translation

from assistance import participants
from assistance.models import Activity, ParticipantCount
from projects.models import Project
from states.models import State

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def project():
    return Project.objects.create(
        code="GLO-T01",
        title="Legislative advice (test record)",
        starts_on=D(2025, 1, 1),
        ends_on=D(2027, 12, 31),
    )


def workshop(title, project=None, host="KEN"):
    return Activity.objects.create(
        title=title,
        kind="national-workshop",
        starts_on=D(2026, 3, 10),
        ends_on=D(2026, 3, 12),
        host_state=State.objects.get(iso3=host),
        project=project,
    )


def record(activity, iso3, role, gender, count):
    ParticipantCount.objects.create(
        activity=activity, state=State.objects.get(iso3=iso3), role=role, gender=gender, count=count
    )


@pytest.fixture
def counted(project):
    nairobi = workshop("Workshop in Nairobi (test record)", project)
    record(nairobi, "KEN", "prosecutor", "women", 7)
    record(nairobi, "KEN", "prosecutor", "men", 5)
    record(nairobi, "KEN", "judge", "women", 3)
    record(nairobi, "UGA", "police", "not-stated", 2)
    dakar = workshop("Seminar in Dakar (test record)", project, host="SEN")
    record(dakar, "SEN", "judge", "men", 4)
    record(dakar, "KEN", "legislator", "women", 1)
    elsewhere = workshop("Outside the project (test record)")
    record(elsewhere, "KEN", "judge", "men", 100)
    return nairobi, dakar


def test_totals_of_one_activity(counted):
    totals = participants.for_activity(counted[0])
    assert totals.total == 17
    assert totals.as_json() == {
        "by_state": {"KEN": 15, "UGA": 2},
        "by_role": {
            "legislator": 0,
            "prosecutor": 12,
            "judge": 3,
            "police": 2,
            "financial-intelligence": 0,
            "other": 0,
        },
        "by_gender": {"women": 10, "men": 5, "not-stated": 2},
        "total": 17,
    }
    with translation.override("en"):  # names in the current language
        assert totals.states() == [("KEN", "Kenya", 15), ("UGA", "Uganda", 2)]


def test_totals_of_a_set_of_activities(counted, project):
    totals = participants.for_activities(Activity.objects.filter(project=project))
    assert totals.total == 22  # not the 100 of the activity outside the project
    assert totals.by_state == {"KEN": 16, "UGA": 2, "SEN": 4}
    assert totals.by_role["judge"] == 7 and totals.by_gender["men"] == 9


def test_totals_shown_on_activity_and_project_pages_and_in_the_api(client, staff_user, counted, project):
    client.force_login(staff_user)
    page = client.get(f"/activities/{counted[0].id}/").content.decode()
    assert "17 participants" in page and "Uganda" in page
    page = client.get(f"/projects/{project.id}/").content.decode()
    assert "22 participants" in page and "Senegal" in page
    [found] = [a for a in client.get("/api/v1/activities").json() if a["id"] == counted[0].id]
    assert {"state": "UGA", "role": "police", "gender": "not-stated", "count": 2} in found["participants"]
    assert found["participant_totals"]["by_gender"] == {"women": 10, "men": 5, "not-stated": 2}
    assert found["participant_totals"]["total"] == 17
    detail = client.get(f"/api/v1/projects/{project.id}").json()
    assert detail["participant_totals"]["total"] == 22


def test_staff_record_participants_all_or_nothing(client, staff_user):
    activity = workshop("Training of judges (test record)")
    client.force_login(staff_user)
    form = {
        "participants-TOTAL_FORMS": "2",
        "participants-INITIAL_FORMS": "0",
        "participants-0-state": "KEN",
        "participants-0-role": "judge",
        "participants-0-gender": "women",
        "participants-0-count": "6",
        "participants-1-state": "KEN",
        "participants-1-role": "judge",
        "participants-1-gender": "men",
        "participants-1-count": "-3",
    }
    response = client.post(f"/activities/{activity.id}/", form)
    assert response.status_code == 400
    assert (
        "Number of participants: Ensure this value is greater than or equal to 0."
        in response.content.decode()
    )
    assert not activity.participant_counts.exists()  # the valid row was not saved either
    form["participants-1-count"] = "4"
    assert client.post(f"/activities/{activity.id}/", form).status_code == 302
    assert participants.for_activity(activity).as_json()["by_gender"] == {
        "women": 6,
        "men": 4,
        "not-stated": 0,
    }
    # The same state, role and gender twice is refused, naming the problem.
    form |= {"participants-INITIAL_FORMS": "0", "participants-1-gender": "women"}
    response = client.post(f"/activities/{activity.id}/", form)
    assert response.status_code == 400 and "Please correct the duplicate data" in response.content.decode()
    assert activity.participant_counts.count() == 2


def test_only_staff_record_participants(client, focal_point_fra):
    activity = workshop("Mission to Paris (test record)", host="FRA")
    client.force_login(focal_point_fra)
    page = client.get(f"/activities/{activity.id}/").content.decode()
    assert "Record participants" not in page
    response = client.post(
        f"/activities/{activity.id}/",
        {"participants-TOTAL_FORMS": "1", "participants-INITIAL_FORMS": "0", "participants-0-state": "FRA"},
    )
    assert response.status_code == 403 and not activity.participant_counts.exists()
