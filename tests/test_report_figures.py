"""The figures of a report, each against records built here where the right number is known.

The reference data (loaded for every test) holds the 2004 records; the fixtures here are
dated in 2031–2033 so that nothing else falls in their periods."""

from datetime import date as D
from decimal import Decimal

import pytest

from assistance.models import Activity, AssistanceRequest
from funding.models import Payment, Pledge
from projects.models import Donor
from reports.figures import compute
from states.models import State

pytestmark = pytest.mark.django_db

START, END = D(2032, 1, 1), D(2032, 12, 31)


def state(iso3):
    return State.objects.get(iso3=iso3)


def activity(title, starts, ends, kind="legislative-advice", host=None, states=(), **fields):
    item = Activity.objects.create(
        title=title,
        kind=kind,
        starts_on=starts,
        ends_on=ends,
        host_state=state(host) if host else None,
        status=fields.pop("status", "completed"),
        **fields,
    )
    item.participating_states.set(State.objects.filter(iso3__in=states))
    return item


def request_of(iso3, confidential):
    return AssistanceRequest.objects.create(
        state=state(iso3), received_on=D(2031, 6, 1), needs="test record", confidential=confidential
    )


def figure(key, start=START, end=END, **options):
    return compute("99/999", start, end, **options).get(key)


def keys(refs):
    return [ref.pk for ref in refs]


# States that received direct assistance ---------------------------------------------


def test_states_assisted_counts_distinct_host_states_of_direct_assistance_in_the_period():
    a = activity("advice to Kenya", D(2032, 3, 1), D(2032, 3, 5), host="KEN")
    b = activity(
        "drafting workshop in Kenya", D(2032, 5, 1), D(2032, 5, 2), kind="drafting-workshop", host="KEN"
    )
    c = activity("mission to Peru", D(2031, 12, 20), D(2032, 1, 1), kind="expert-mission", host="PER")
    activity(
        "mission to Chad, the day before", D(2031, 12, 1), D(2031, 12, 31), kind="expert-mission", host="TCD"
    )
    activity(
        "mission to Mali, the day after", D(2033, 1, 1), D(2033, 1, 3), kind="expert-mission", host="MLI"
    )
    activity("cancelled advice to Niger", D(2032, 3, 1), D(2032, 3, 5), host="NER", status="cancelled")
    activity("regional seminar in Fiji", D(2032, 3, 1), D(2032, 3, 5), kind="regional-seminar", host="FJI")
    activity("training course in Togo", D(2032, 3, 1), D(2032, 3, 5), kind="training-course", host="TGO")
    activity("advice, demonstration", D(2032, 3, 1), D(2032, 3, 5), host="BEN", demonstration=True)
    found = figure("states-assisted", language="en")
    assert found.value == 2
    assert keys(found.records) == ["KEN", "PER"]
    assert [row.cells for row in found.table.rows] == [["Kenya", 2], ["Peru", 1]]
    assert keys(found.table.rows[0].records) == [a.pk, b.pk]
    assert keys(found.table.rows[1].records) == [c.pk]
    assert found.records[0].url == "/states/KEN/" or found.records[0].url.endswith("/states/KEN/")


def test_states_assisted_names_and_sorts_states_in_the_readers_language():
    activity("advice to Chad", D(2032, 3, 1), D(2032, 3, 5), host="TCD")
    activity("advice to Algeria", D(2032, 3, 1), D(2032, 3, 5), host="DZA")
    found = figure("states-assisted", language="fr")
    assert [row.cells[0] for row in found.table.rows] == ["Algérie", "Tchad"]


def test_demonstration_activities_count_only_when_asked():
    activity("advice, demonstration", D(2032, 3, 1), D(2032, 3, 5), host="BEN", demonstration=True)
    assert figure("states-assisted").value == 0
    assert figure("states-assisted", demonstration=True).value == 1


def test_an_activity_answering_only_confidential_requests_is_left_out_of_a_public_report():
    secret = activity("advice to Ghana", D(2032, 3, 1), D(2032, 3, 5), host="GHA")
    secret.requests.set([request_of("GHA", confidential=True)])
    public = activity("advice to Nepal", D(2032, 3, 1), D(2032, 3, 5), host="NPL")
    public.requests.set([request_of("NPL", confidential=False), request_of("NPL", confidential=True)])
    assert keys(figure("states-assisted").records) == ["NPL"]
    assert keys(figure("states-assisted", internal=True).records) == ["GHA", "NPL"]


# Contributions ----------------------------------------------------------------------


@pytest.fixture
def donors():
    japan = Donor.objects.create(name="Japan (test record)", kind="state", state=state("JPN"))
    fund = Donor.objects.create(name="A fund (test record)", kind="other")
    return japan, fund


def test_contributions_are_the_funding_table_with_pledges_marked_and_the_records_behind_each_row(donors):
    japan, fund = donors
    paid = Payment.objects.create(
        donor=japan, date=D(2032, 2, 1), amount=Decimal("1000.40"), source="test-source p. 1"
    )
    pledge = Pledge.objects.create(
        donor=japan, date=D(2032, 4, 1), amount=Decimal("500"), source="test-source p. 1"
    )
    Payment.objects.create(donor=japan, date=D(2031, 12, 31), amount=Decimal("7"), source="test-source p. 1")
    unpublished = Payment.objects.create(donor=fund, date=D(2032, 2, 1), amount=Decimal("300"))
    found = figure("contributions", language="en")
    assert found.unit == "USD"
    assert found.value == Decimal("1500")
    assert [row.cells for row in found.table.rows] == [
        ["Japan", Decimal("1000"), ""],
        ["Japan", Decimal("500"), "pledged, not yet paid"],
    ]
    assert [(r.model, r.pk) for r in found.table.rows[0].records] == [("funding.payment", paid.pk)]
    assert [(r.model, r.pk) for r in found.table.rows[1].records] == [("funding.pledge", pledge.pk)]
    internal = figure("contributions", internal=True)
    assert internal.value == Decimal("1800")
    assert unpublished.pk in keys(internal.records)
