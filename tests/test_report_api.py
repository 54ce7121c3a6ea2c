"""GET /api/v1/reports/figures: every figure with the records it counts; anyone reads the public
figures, only staff the internal ones that count confidential records."""

import datetime

import pytest

from accounts.models import Role
from assistance.models import AssistanceRequest
from reports import figures as report_figures
from reports.serialization import report_json
from states.models import State
from tests.conftest import make_activity, make_user

pytestmark = pytest.mark.django_db
D = datetime.date
URL = "/api/v1/reports/figures?resolution=62/172&from=2026-01-01&to=2026-12-31"


@pytest.fixture
def records():
    make_activity("Workshop in Nairobi (test record)", D(2026, 3, 10), D(2026, 3, 12), host="KEN")
    secret = AssistanceRequest.objects.create(
        state=State.objects.get(iso3="NER"), received_on=D(2026, 1, 5), needs="Secret needs (test record)"
    )
    make_activity("Mission to Niamey (test record)", D(2026, 2, 2), D(2026, 2, 4), host="NER").requests.add(
        secret
    )


def assisted(data) -> dict:
    return next(f for f in data["figures"] if f["key"] == "states-assisted")


def test_anyone_reads_the_public_figures_which_count_no_confidential_record(client, records):
    response = client.get(URL)
    assert response.status_code == 200
    data = response.json()
    assert data["internal"] is False and data["from"] == "2026-01-01" and data["to"] == "2026-12-31"
    figure = assisted(data)
    assert figure["value"] == 1
    assert [r["id"] for r in figure["records"]] == ["KEN"]
    assert figure["records"][0]["url"] == "/states/KEN/" and figure["records"][0]["model"] == "states.state"
    assert "Secret" not in response.content.decode() and "Niamey" not in response.content.decode()
    expected = report_json(report_figures.compute("62/172", D(2026, 1, 1), D(2026, 12, 31), language="en"))
    assert [f["key"] for f in data["figures"]] == [f["key"] for f in expected["figures"]]
    assert [f["value"] for f in data["figures"]] == [f["value"] for f in expected["figures"]]


def test_only_staff_read_the_internal_figures(client, records, staff_user):
    assert client.get(URL + "&internal=true").status_code == 403
    client.force_login(make_user("focal", Role.FOCAL_POINT, "NER"))
    assert client.get(URL + "&internal=true").status_code == 403
    client.force_login(staff_user)
    data = client.get(URL + "&internal=true").json()
    assert data["internal"] is True
    assert sorted(r["id"] for r in assisted(data)["records"]) == ["KEN", "NER"]


def test_a_printed_value_comes_with_its_locator_and_note(client):
    data = client.get("/api/v1/reports/figures?resolution=58/136&from=2002-10-01&to=2004-07-31").json()
    contributions = next(f for f in data["figures"] if f["key"] == "contributions")
    assert contributions["printed"]["value"] != contributions["value"]
    assert contributions["differs_from_printed"] is True and contributions["note"]
    assert contributions["printed"]["locator"] and contributions["printed"]["source"]


@pytest.mark.parametrize(
    "query, status",
    [
        ("resolution=99/999&from=2026-01-01&to=2026-12-31", 404),
        ("resolution=62/172&from=2026-12-31&to=2026-01-01", 400),
        ("resolution=62/172&from=2026-13-01&to=2026-12-31", 422),
    ],
)
def test_wrong_questions_are_answered_with_what_is_wrong(client, query, status):
    response = client.get(f"/api/v1/reports/figures?{query}")
    assert response.status_code == status
