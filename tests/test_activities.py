"""Activities and the monthly matrix: exactly the activities ongoing or planned in the month,
grouped under the right region and subregion."""

import datetime
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from assistance.models import Activity
from ctassist.lifecycle import move
from tests.conftest import make_activity as activity

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def month_of_activities():
    return [
        activity("Workshop in Nairobi (test record)", D(2026, 3, 10), D(2026, 3, 12), host="KEN"),
        activity(
            "Regional seminar (test record)",
            D(2026, 2, 25),
            D(2026, 3, 2),
            status="ongoing",
            host="SEN",
            states=["MLI", "NER"],
        ),
        activity(
            "Cancelled mission (test record)", D(2026, 3, 5), D(2026, 3, 6), status="cancelled", host="FRA"
        ),
        activity("April course (test record)", D(2026, 4, 1), D(2026, 4, 3), host="CHN"),
        activity(
            "Completed in March (test record)", D(2026, 3, 1), D(2026, 3, 3), status="completed", host="BRA"
        ),
    ]


def test_an_activity_cannot_end_before_it_starts():
    item = Activity(title="x", kind="mentoring", starts_on=D(2026, 3, 2), ends_on=D(2026, 3, 1))
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        item.full_clean()


def test_the_matrix_of_a_month_in_xlsx(tmp_path, month_of_activities):
    target = tmp_path / "matrix.xlsx"
    call_command("matrix", "--month", "2026-03", "--format", "xlsx", "--out", str(target), stdout=StringIO())
    sheet = load_workbook(target).active
    rows = [tuple(cell.value for cell in row[:4]) for row in sheet.iter_rows(min_row=3)]
    titles = {row[3] for row in rows}
    assert titles == {"Workshop in Nairobi (test record)", "Regional seminar (test record)"}
    assert ("Africa", "Eastern Africa", "Kenya", "Workshop in Nairobi (test record)") in rows
    assert ("Africa", "Western Africa", "Niger", "Regional seminar (test record)") in rows
    assert len([row for row in rows if row[3] == "Regional seminar (test record)"]) == 3  # SEN, MLI, NER


def test_the_matrix_as_json_and_bad_month(month_of_activities):
    out = StringIO()
    call_command("matrix", "--month", "2026-04", "--format", "json", stdout=out)
    assert '"CHN"' in out.getvalue() and "Nairobi" not in out.getvalue()
    with pytest.raises(CommandError, match="'2026-13' is not a month"):
        call_command("matrix", "--month", "2026-13", "--format", "json")


def test_api_matrix_and_activities_are_scoped(client, staff_user, focal_point_fra, month_of_activities):
    assert client.get("/api/v1/matrix?month=2026-03").json() == []  # the public sees none
    client.force_login(staff_user)
    lines = client.get("/api/v1/matrix?month=2026-03").json()
    assert {line["state"] for line in lines} == {"KEN", "SEN", "MLI", "NER"}
    found = client.get("/api/v1/activities?state=NER&from=2026-03-01&to=2026-03-31").json()
    assert [a["title"] for a in found] == ["Regional seminar (test record)"]
    assert client.get("/api/v1/activities?status=cancelled").json()[0]["host_state"] == "FRA"
    assert client.get("/api/v1/matrix?month=2026-3").status_code == 422
    client.force_login(focal_point_fra)
    assert [a["title"] for a in client.get("/api/v1/activities").json()] == [
        "Cancelled mission (test record)"
    ]
    assert client.get("/api/v1/matrix?month=2026-03").json() == []


def test_every_allowed_activity_transition(staff_user):
    item = activity("Lifecycle (test record)", D(2026, 5, 4), D(2026, 5, 6), host="KEN")
    assert move(item, "ongoing", by=staff_user).status == "ongoing"
    assert move(item, "completed", by=staff_user).status == "completed"
    for start, end in (("planned", "cancelled"), ("ongoing", "cancelled")):
        other = activity(f"{start} → {end} (test record)", D(2026, 5, 4), D(2026, 5, 6), status=start)
        assert move(other, end, by=staff_user).status == end


@pytest.mark.parametrize(
    "start,to",
    [
        ("planned", "completed"),
        ("planned", "planned"),
        ("ongoing", "planned"),
        ("completed", "ongoing"),
        ("completed", "cancelled"),
        ("cancelled", "planned"),
        ("planned", "finished"),
    ],
)
def test_forbidden_activity_transitions_are_refused_with_a_message(staff_user, start, to):
    item = activity("Refused move (test record)", D(2026, 5, 4), D(2026, 5, 6), status=start)
    with pytest.raises(ValidationError, match=f"An activity cannot go from {start} to"):
        move(item, to, by=staff_user)
    item.refresh_from_db()
    assert item.status == start


def test_only_staff_change_an_activity_status_and_the_page_shows_the_refusal(
    client, staff_user, focal_point_fra
):
    from django.core.exceptions import PermissionDenied

    item = activity("Status buttons (test record)", D(2026, 5, 4), D(2026, 5, 6), host="FRA")
    with pytest.raises(PermissionDenied):
        move(item, "ongoing", by=focal_point_fra)
    client.force_login(focal_point_fra)
    assert client.post(f"/activities/{item.id}/status/", {"to": "ongoing"}).status_code == 403
    client.force_login(staff_user)
    page = client.get(f"/activities/{item.id}/").content.decode()
    assert 'name="to" value="ongoing"' in page and 'value="completed"' not in page
    refused = client.post(f"/activities/{item.id}/status/", {"to": "completed"})
    assert refused.status_code == 400 and "cannot go from planned to completed" in refused.content.decode()
    assert client.post(f"/activities/{item.id}/status/", {"to": "ongoing"}).status_code == 302
    item.refresh_from_db()
    assert item.status == "ongoing"
