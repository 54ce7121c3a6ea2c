"""The balance of effort per pillar of the Strategy (68/276 op. 7; docs/dashboard.md): counts
per pillar from records built here, a record under two pillars counted in each and once in
the total, money per pillar, and staff only."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.models import Role
from assistance.models import Activity, AssistanceRequest, ParticipantCount
from funding.models import Expenditure, Payment, Pledge
from outcomes.models import Outcome
from projects.models import Donor, Project
from reports import balance
from states.models import State
from tests.conftest import make_activity, make_user

DAY = datetime.date(2024, 4, 1)


@pytest.fixture
def records(db):
    # Only the records built here count (the shipped ones are set aside inside the test).
    Outcome.objects.all().delete()
    Activity.objects.all().delete()
    Payment.objects.all().delete()
    Pledge.objects.all().delete()
    AssistanceRequest.objects.all().delete()
    Expenditure.objects.all().delete()
    Project.objects.all().delete()
    # Victims count under pillars I and IV (ctassist's reading); financing under II.
    victims = make_activity("Victims", DAY, DAY, host="FRA")
    victims.thematic_areas = ["victims"]
    victims.save()
    ParticipantCount.objects.create(activity=victims, state=None, role="judge", gender="women", count=7)
    financing = make_activity("Financing", DAY, DAY, host="KEN")
    financing.thematic_areas = ["financing"]
    financing.save()
    make_activity("Untagged", DAY, DAY, host="DEU")
    cancelled = make_activity("Cancelled", DAY, DAY, host="DEU", status="cancelled")
    cancelled.thematic_areas = ["financing"]
    cancelled.save()
    AssistanceRequest.objects.create(
        state=State.objects.get(iso3="KEN"), received_on=DAY, needs="Help", thematic_areas=["nuclear"]
    )
    project = Project.objects.create(
        code="T-1", title="Test", starts_on=DAY, ends_on=DAY, pillars=["III"], thematic_areas=["gender"]
    )
    donor = Donor.objects.create(name="Test donor")
    earmarked = Pledge.objects.create(
        donor=donor, date=DAY, amount=Decimal("1000"), currency="USD", pillar="II"
    )
    Pledge.objects.create(donor=donor, date=DAY, amount=Decimal("500"), currency="USD", project=project)
    Payment.objects.create(donor=donor, pledge=earmarked, date=DAY, amount=Decimal("400"), currency="USD")
    Payment.objects.create(donor=donor, date=DAY, amount=Decimal("50"), currency="USD")
    return project


def lines(result) -> dict:
    return {line.key: line for line in result.lines}


def test_counts_per_pillar(records):
    result = balance.balance()
    by = lines(result)
    assert [by[p].activities for p in ("I", "II", "III", "IV", "")] == [1, 1, 0, 1, 1]
    assert [by[p].participants for p in ("I", "II", "III", "IV")] == [7, 0, 0, 7]
    assert by["II"].requests == 1
    # The project names pillar III; its thematic area gender adds I and IV.
    assert [by[p].projects for p in ("I", "II", "III", "IV")] == [1, 0, 1, 1]
    # The pledge earmarked for pillar II; the one for the project counts under its pillars.
    assert by["II"].pledged == Decimal("1000") and by["III"].pledged == Decimal("500")
    assert by["II"].paid == Decimal("400") and by[""].paid == Decimal("50")


def test_a_record_under_two_pillars_counts_in_each_and_once_in_the_total(records):
    result = balance.balance()
    by = lines(result)
    assert by["I"].activities == by["IV"].activities == 1
    assert result.total.activities == 3  # victims, financing, untagged; not the cancelled one
    assert sum(line.activities for line in result.lines) == 4
    assert result.total.participants == 7
    assert result.total.pledged == Decimal("1500")


def test_page_shows_table_chart_and_rule(client, records):
    client.force_login(make_user("staff-b", Role.STAFF))
    response = client.get(reverse("reports:strategy-balance"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "is counted in each" in html
    assert "ctassist's reading" in html
    assert 'data-pillar="IV"' in html and "<svg" in html and "<details>" in html
    assert "1,000" in html  # pledged for pillar II, in whole dollars


def test_anonymous_readers_are_sent_to_log_in(client, db):
    response = client.get(reverse("reports:strategy-balance"))
    assert response.status_code == 302


@pytest.mark.parametrize("role,state", [(Role.FOCAL_POINT, "FRA"), (Role.DONOR, None)])
def test_other_roles_are_refused(client, db, role, state):
    client.force_login(make_user("someone", role, state))
    assert client.get(reverse("reports:strategy-balance")).status_code == 403
