"""Outcomes: proposals of ratifications that followed an activity, and staff's review of them."""

import datetime
import json
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import Client

from assistance.models import Activity
from ctassist.lifecycle import move
from instruments.models import Instrument
from legislation.models import Law
from outcomes.models import Outcome
from outcomes.proposals import propose
from participation.models import StatusSource, TreatyAction
from states.models import State

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_reported_records")]
D = datetime.date


@pytest.fixture
def source():
    return StatusSource.objects.create(
        name="Status list (test record)", citation="tests", as_at=D(2026, 1, 1)
    )


@pytest.fixture
def deposit(source):
    def make(iso3, date, kind="ratification", instrument="beijing-2010"):
        return TreatyAction.objects.create(
            state=State.objects.get(iso3=iso3),
            instrument=Instrument.objects.get(slug=instrument),
            kind=kind,
            date=date,
            source=source,
        )

    return make


def make_activity(title, ends, host, states=(), instruments=("beijing-2010",), status="completed"):
    item = Activity.objects.create(
        title=title,
        kind="subregional-seminar",
        starts_on=ends - datetime.timedelta(days=2),
        ends_on=ends,
        status=status,
        host_state=State.objects.get(iso3=host),
    )
    item.participating_states.set(State.objects.filter(iso3__in=states))
    item.instruments.set(Instrument.objects.filter(slug__in=instruments))
    return item


@pytest.fixture
def seminar():
    return make_activity(
        "Seminar on the Beijing Convention (test record)", D(2020, 6, 15), "KEN", ["UGA", "TZA", "ETH", "RWA"]
    )


def proposed_pairs():
    return {(o.state.iso3, o.treaty_action.date) for o in Outcome.objects.filter(status="proposed")}


def test_inside_24_months_proposed_outside_not(seminar, deposit):
    deposit("UGA", D(2022, 5, 15))  # 23 months after
    deposit("TZA", D(2022, 7, 15), kind="accession")  # 25 months after
    deposit("ETH", D(2019, 1, 10))  # before the activity
    created = propose()
    assert [(o.state.iso3, o.treaty_action.date) for o in created] == [("UGA", D(2022, 5, 15))]
    outcome = Outcome.objects.get(state__iso3="UGA")
    assert outcome.status == "proposed" and outcome.kind == "ratification" and outcome.activity == seminar
    assert "2022-05-15" in outcome.reason and "2020-06-15" in outcome.reason and "23 months" in outcome.reason
    assert "2022-06-15" in outcome.reason  # the last day that still counts


def test_the_boundary_day(seminar, deposit):
    deposit("KEN", D(2022, 6, 15))  # exactly 24 months: counts
    deposit("RWA", D(2022, 6, 16))  # one day more: does not
    deposit("UGA", D(2020, 6, 15))  # the day the activity ends: not after it
    deposit("TZA", D(2020, 6, 16))  # the day after: counts
    propose()
    assert proposed_pairs() == {("KEN", D(2022, 6, 15)), ("TZA", D(2020, 6, 16))}
    assert "1 day after" in Outcome.objects.get(state__iso3="TZA").reason


def test_the_window_from_a_month_end_closes_at_the_end_of_the_month(deposit):
    make_activity("Mentoring ending on 29 February (test record)", D(2024, 2, 29), "SEN", ["MLI"])
    deposit("SEN", D(2026, 2, 28))
    deposit("MLI", D(2026, 3, 1))
    propose()
    assert proposed_pairs() == {("SEN", D(2026, 2, 28))}


def test_states_not_involved_other_instruments_signatures_and_cancelled_activities(seminar, deposit):
    deposit("SOM", D(2021, 1, 10))  # not involved in the seminar
    deposit("UGA", D(2021, 1, 10), instrument="beijing-protocol-2010")  # not the seminar's instrument
    deposit("ETH", D(2021, 1, 10), kind="signature")  # a signature does not bind
    make_activity("Cancelled workshop (test record)", D(2020, 9, 1), "SOM", status="cancelled")
    assert propose() == []
    assert not Outcome.objects.exists()


def test_proposing_again_adds_nothing_and_a_rejected_proposal_stays_rejected(seminar, deposit, staff_user):
    deposit("UGA", D(2021, 5, 15))
    deposit("KEN", D(2021, 8, 1))
    assert len(propose()) == 2
    assert propose() == []
    move(
        Outcome.objects.get(state__iso3="UGA"),
        "rejected",
        by=staff_user,
        reason="Deposit prepared long before the seminar",
    )
    assert propose() == []
    assert Outcome.objects.count() == 2
    assert Outcome.objects.get(state__iso3="UGA").status == "rejected"


def test_since_limits_the_deposits_considered(seminar, deposit):
    deposit("UGA", D(2021, 5, 15))
    deposit("KEN", D(2021, 8, 1))
    assert [o.state.iso3 for o in propose(since=D(2021, 6, 1))] == ["KEN"]


def test_confirm_and_reject_transitions_with_refusals(seminar, deposit, staff_user, focal_point_fra):
    deposit("UGA", D(2021, 5, 15))
    deposit("KEN", D(2021, 8, 1))
    propose()
    uganda, kenya = Outcome.objects.get(state__iso3="UGA"), Outcome.objects.get(state__iso3="KEN")
    with pytest.raises(PermissionDenied, match="Only staff"):
        move(uganda, "confirmed", by=focal_point_fra)
    move(uganda, "confirmed", by=staff_user)
    uganda.refresh_from_db()
    assert uganda.status == "confirmed" and uganda.decided_by == staff_user and uganda.decided_on
    with pytest.raises(ValidationError, match="already confirmed: only a proposed outcome can be confirmed"):
        move(uganda, "confirmed", by=staff_user)
    with pytest.raises(ValidationError, match="already confirmed: only a proposed outcome can be rejected"):
        move(uganda, "rejected", by=staff_user, reason="Changed my mind")
    with pytest.raises(ValidationError, match="Say why the proposed outcome is rejected"):
        move(kenya, "rejected", by=staff_user, reason="  ")
    move(kenya, "rejected", by=staff_user, reason="Coincidence")
    kenya.refresh_from_db()
    assert kenya.status == "rejected" and "Rejected: Coincidence" in kenya.reason
    with pytest.raises(ValidationError, match="already rejected"):
        move(kenya, "confirmed", by=staff_user)
    assert kenya.history.first().history_change_reason == "Coincidence"


def test_the_review_page_for_staff(client, seminar, deposit, staff_user):
    deposit("UGA", D(2021, 5, 15))
    deposit("KEN", D(2021, 8, 1))
    propose()
    uganda, kenya = Outcome.objects.get(state__iso3="UGA"), Outcome.objects.get(state__iso3="KEN")
    client.force_login(staff_user)
    page = client.get("/outcomes/").content.decode()
    assert "Seminar on the Beijing Convention (test record)" in page and page.count('value="confirm"') == 2
    response = client.post(f"/outcomes/{kenya.id}/decision/", {"decision": "reject", "reason": ""})
    assert (
        response.status_code == 400
        and "Say why the proposed outcome is rejected" in response.content.decode()
    )
    kenya.refresh_from_db()
    assert kenya.status == "proposed"
    response = client.post(f"/outcomes/{uganda.id}/decision/", {"decision": "confirm", "status": "proposed"})
    assert response.status_code == 302 and response["Location"] == "/outcomes/?status=proposed"
    response = client.post(f"/outcomes/{uganda.id}/decision/", {"decision": "reject", "reason": "late"})
    assert response.status_code == 400 and "already confirmed" in response.content.decode()
    confirmed = client.get("/outcomes/?status=confirmed").content.decode()
    assert "Uganda" in confirmed and "Kenya" not in confirmed and 'value="confirm"' not in confirmed


def test_the_decision_needs_the_csrf_token(seminar, deposit, staff_user):
    deposit("UGA", D(2021, 5, 15))
    propose()
    outcome = Outcome.objects.get()
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    assert client.post(f"/outcomes/{outcome.id}/decision/", {"decision": "confirm"}).status_code == 403
    outcome.refresh_from_db()
    assert outcome.status == "proposed"


def test_who_sees_which_outcomes(client, deposit, staff_user, focal_point_fra, focal_point_chn):
    workshop = make_activity("Workshop in Paris (test record)", D(2020, 6, 15), "FRA", ["CHN"])
    deposit("FRA", D(2021, 5, 15))
    deposit("CHN", D(2021, 8, 1))
    propose()
    french = Outcome.objects.get(state__iso3="FRA")
    assert client.get("/outcomes/").status_code == 302  # the public logs in first
    assert client.get("/api/v1/outcomes").json() == []
    client.force_login(focal_point_fra)
    assert client.get("/api/v1/outcomes").json() == []  # proposals are staff's business
    assert client.post(f"/outcomes/{french.id}/decision/", {"decision": "confirm"}).status_code == 404
    move(french, "confirmed", by=staff_user)
    found = client.get("/api/v1/outcomes").json()
    assert [(o["state"], o["status"], o["activity"]["title"]) for o in found] == [
        ("FRA", "confirmed", workshop.title)
    ]
    assert found[0]["deposit"] == {"instrument": "beijing-2010", "kind": "ratification", "date": "2021-05-15"}
    assert "Workshop in Paris" in client.get("/outcomes/").content.decode()
    # Seeing a confirmed outcome does not let the focal point decide on it.
    assert (
        client.post(f"/outcomes/{french.id}/decision/", {"decision": "reject", "reason": "x"}).status_code
        == 403
    )
    client.force_login(focal_point_chn)
    assert client.get("/api/v1/outcomes").json() == []
    assert "Workshop in Paris" not in client.get("/outcomes/?status=confirmed").content.decode()
    assert (
        client.post(f"/outcomes/{french.id}/decision/", {"decision": "reject", "reason": "x"}).status_code
        == 404
    )
    client.force_login(staff_user)
    assert {o["state"] for o in client.get("/api/v1/outcomes").json()} == {"FRA", "CHN"}
    assert [o["state"] for o in client.get("/api/v1/outcomes?status=proposed").json()] == ["CHN"]
    assert [o["state"] for o in client.get("/api/v1/outcomes?state=fra").json()] == ["FRA"]


def test_the_command_json_output(seminar, deposit):
    deposit("UGA", D(2021, 5, 15), kind="accession")
    out = StringIO()
    call_command("propose_outcomes", "--dry-run", "--format", "json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["dry_run"] is True and report["count"] == 1
    assert not Outcome.objects.exists()
    line = report["proposed"][0]
    assert line["id"] is None and line["state"] == "UGA" and line["activity"] == seminar.id
    assert (line["instrument"], line["deposit_kind"], line["deposited_on"]) == (
        "beijing-2010",
        "accession",
        "2021-05-15",
    )
    assert line["activity_ended_on"] == "2020-06-15" and line["status"] == "proposed"
    out = StringIO()
    call_command("propose_outcomes", "--format", "json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["count"] == 1 and report["proposed"][0]["id"] == Outcome.objects.get().id
    out = StringIO()
    call_command("propose_outcomes", "--format", "json", stdout=out)
    assert json.loads(out.getvalue()) == {"dry_run": False, "count": 0, "proposed": []}


def test_a_demonstration_activity_is_labelled(client, deposit, staff_user):
    demo = make_activity("Generated seminar (test record)", D(2020, 6, 15), "KEN")
    demo.demonstration = True
    demo.save()
    deposit("KEN", D(2021, 5, 15))
    propose()
    client.force_login(staff_user)
    assert "demonstration data" in client.get("/outcomes/").content.decode()
    assert client.get("/api/v1/outcomes").json()[0]["demonstration"] is True


def test_staff_link_a_law_by_hand_in_the_admin(client, staff_user):
    law = Law.objects.filter(state__iso3="CHN").first()
    activity = make_activity("Drafting workshop in Beijing (test record)", D(2015, 3, 1), "CHN")
    foreign = make_activity("Workshop in Nairobi (test record)", D(2015, 3, 1), "KEN")
    client.force_login(staff_user)
    form = {
        "activity": foreign.id,
        "state": State.objects.get(iso3="CHN").id,
        "kind": "law",
        "law": law.id,
        "status": "confirmed",
        "reason": "Drafted at the workshop (test record)",
    }
    response = client.post("/admin/outcomes/outcome/add/", form)
    assert (
        response.status_code == 200
        and "must be the host of the activity or take part in it" in response.content.decode()
    )
    assert not Outcome.objects.exists()
    response = client.post("/admin/outcomes/outcome/add/", {**form, "activity": activity.id})
    assert response.status_code == 302
    outcome = Outcome.objects.get()
    assert (outcome.kind, outcome.law, outcome.status, outcome.decided_by) == (
        "law",
        law,
        "confirmed",
        staff_user,
    )


def test_the_review_page_in_chinese_and_arabic(client, seminar, deposit, staff_user):
    deposit("UGA", D(2021, 5, 15))
    propose()
    client.force_login(staff_user)
    for prefix in ("/zh-hans", "/ar"):
        page = client.get(f"{prefix}/outcomes/").content.decode()
        assert "Seminar on the Beijing Convention (test record)" in page
    assert 'dir="rtl"' in page
