"""Requests for assistance: the lifecycle, and who may see them."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from assistance.models import AssistanceRequest, RequestStatus
from ctassist.lifecycle import move
from states.models import State

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_request():
    return AssistanceRequest.objects.create(
        state=State.objects.get(iso3="FRA"),
        received_on="2026-10-01",
        needs="Review of the draft law on financing of terrorism (test record)",
    )


def test_every_allowed_transition(french_request, staff_user):
    for to in ("assessed", "planned", "in-progress", "completed"):
        assert move(french_request, to, by=staff_user).status == to
    assert french_request.history.count() == 5


def test_forbidden_transitions_are_refused_with_a_message(french_request, staff_user):
    with pytest.raises(ValidationError, match="cannot go from received to planned"):
        move(french_request, RequestStatus.PLANNED, by=staff_user)
    with pytest.raises(ValidationError, match="Say why the request is declined"):
        move(french_request, RequestStatus.DECLINED, by=staff_user)
    move(french_request, RequestStatus.DECLINED, by=staff_user, reason="Outside the mandate")
    assert french_request.decline_reason == "Outside the mandate"
    with pytest.raises(ValidationError, match="cannot go from declined to assessed"):
        move(french_request, RequestStatus.ASSESSED, by=staff_user)


def test_only_staff_move_a_request(french_request, focal_point_fra):
    with pytest.raises(PermissionDenied):
        move(french_request, RequestStatus.ASSESSED, by=focal_point_fra)


def test_a_focal_point_submits_and_follows_its_own_requests_only(client, focal_point_fra, focal_point_chn):
    client.force_login(focal_point_fra)
    response = client.post(
        "/requests/new/",
        {
            "state": "FRA",
            "origin": "state",
            "received_on": "2026-11-01",
            "needs": "Training of prosecutors <b>(test record)</b>",
            "priorities": "",
            "confidential": "on",
            "thematic_areas": ["criminal-justice"],
        },
    )
    assert response.status_code == 302
    mine = AssistanceRequest.objects.get(state__iso3="FRA")
    page = client.get(f"/requests/{mine.id}/").content.decode()
    assert "&lt;b&gt;(test record)&lt;/b&gt;" in page  # escaped
    # The form refuses another state for a focal point.
    response = client.post(
        "/requests/new/", {"state": "CHN", "origin": "state", "received_on": "2026-11-01", "needs": "x"}
    )
    assert response.status_code == 200 and not AssistanceRequest.objects.filter(state__iso3="CHN").exists()
    client.force_login(focal_point_chn)
    assert client.get(f"/requests/{mine.id}/").status_code == 404
    assert "Training of prosecutors" not in client.get("/requests/").content.decode()
    assert client.get("/api/v1/requests").json() == []


def test_a_confidential_request_never_reaches_the_public(client, french_request):
    assert client.get(f"/requests/{french_request.id}/").status_code == 404  # as if it did not exist
    assert client.get("/api/v1/requests").json() == []


def test_api_submission_checks_the_state_and_csrf(focal_point_fra):
    client = Client(enforce_csrf_checks=True)
    client.force_login(focal_point_fra)
    body = {
        "state": "FRA",
        "received_on": "2026-11-02",
        "needs": "Legislative advice (test record)",
        "instruments": ["financing-1999"],
        "thematic_areas": ["legislation"],
    }
    assert (
        client.post("/api/v1/requests", json.dumps(body), content_type="application/json").status_code == 403
    )
    client.get("/requests/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/api/v1/requests", json.dumps(body), content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert response.status_code == 201
    assert response.json()["instruments"] == ["financing-1999"] and response.json()["status"] == "received"
    other = dict(body, state="CHN")
    response = client.post(
        "/api/v1/requests", json.dumps(other), content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert response.status_code == 403
    bad = dict(body, thematic_areas=["astrology"])
    response = client.post(
        "/api/v1/requests", json.dumps(bad), content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert response.status_code == 422 and "astrology" in response.json()["detail"]
    assert AssistanceRequest.objects.count() == 1
