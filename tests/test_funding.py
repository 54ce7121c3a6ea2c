"""Funding (F8): the 2004 contributions table, conversion at the rate of the day, rounding,
missing rates, the contributions and expenditure documents, and what a donor may see."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from funding.contributions import contributions
from funding.models import ExchangeRate, Expenditure, Payment, Pledge
from funding.money import MissingRate, to_dollars
from projects.models import Donor, Project
from states.models import State

pytestmark = pytest.mark.django_db
D = datetime.date
REPORT_2004 = [
    ("AUS", "1025674", False),
    ("GBR", "478000", True),
    ("ITA", "469366", False),
    ("ITA", "306272", True),
    ("FRA", "247578", False),
    ("USA", "230000", False),
    ("DEU", "162690", False),
    ("ESP", "156576", False),
    ("DEU", "50000", True),
    ("CAN", "47071", False),
    ("TUR", "25000", False),
    ("NLD", "4720", False),
]


def table_2004(**kwargs):
    return contributions(D(2004, 1, 1), D(2004, 12, 31), **kwargs)


def test_the_2004_table_reproduces_the_reports_rows_and_pledge_markers():
    table = table_2004()
    rows = [(row.donor.state.iso3, str(row.total), row.pledged_only) for row in table.rows]
    assert rows == REPORT_2004
    assert all(
        row.citations == [f"un-sg-report-58-136-2004 para. 19, row {n}"]
        for n, row in enumerate(table.rows, 1)
    )


def test_the_2004_total_is_the_sum_of_the_records_and_the_printed_total_is_a_note():
    table = table_2004()
    assert table.total == Decimal("3202947")
    assert len(table.notes) == 1
    assert "3,203,048" in table.notes[0] and "3,202,947" in table.notes[0] and "101" in table.notes[0]


def test_the_2004_table_in_chinese_names_the_donors_as_the_report_does():
    with translation.override("zh-hans"):
        names = [row.name() for row in table_2004().rows]
    assert names[:3] == ["澳大利亚", "大不列颠及北爱尔兰联合王国", "意大利"]


def test_a_table_holding_part_of_a_source_carries_no_note_on_its_total():
    table = contributions(D(2004, 1, 1), D(2004, 12, 31), donor_id=Donor.objects.get(state__iso3="ITA").id)
    assert [str(row.total) for row in table.rows] == ["469366", "306272"]
    assert table.total == Decimal("775638") and table.notes == []


@pytest.fixture
def norway():
    return Donor.objects.create(
        name="Norway (test record)", kind="state", state=State.objects.get(iso3="NOR")
    )


def test_a_payment_in_another_currency_is_converted_at_the_rate_of_its_day(norway):
    ExchangeRate.objects.create(
        currency="NOK", date=D(2025, 1, 1), units_per_usd=Decimal("11.20"), source="test"
    )
    ExchangeRate.objects.create(
        currency="NOK", date=D(2025, 2, 1), units_per_usd=Decimal("10.00"), source="test"
    )
    ExchangeRate.objects.create(
        currency="NOK", date=D(2025, 3, 1), units_per_usd=Decimal("12.50"), source="test"
    )
    payment = Payment.objects.create(
        donor=norway, date=D(2025, 2, 14), amount=Decimal("1000000"), currency="NOK"
    )
    # The February rate, not January's before it nor March's after it.
    assert payment.amount_usd == Decimal("100000.00")
    assert payment.rate.date == D(2025, 2, 1)
    row = contributions(D(2025, 1, 1), D(2025, 12, 31), donor_id=norway.id).rows[0]
    assert row.total == Decimal("100000")


def test_reports_round_to_the_dollar_half_up_and_the_total_is_the_sum_of_rounded_rows(norway):
    assert to_dollars(Decimal("2.50")) == 3 and to_dollars(Decimal("3.50")) == 4  # not banker's rounding
    assert to_dollars(Decimal("2.49")) == 2
    ExchangeRate.objects.create(
        currency="EUR", date=D(2025, 1, 1), units_per_usd=Decimal("0.8"), source="test"
    )
    Payment.objects.create(
        donor=norway, date=D(2025, 5, 1), amount=Decimal("2.00"), currency="EUR"
    )  # 2.50 USD
    japan = Donor.objects.create(
        name="Japan (test record)", kind="state", state=State.objects.get(iso3="JPN")
    )
    Payment.objects.create(
        donor=japan, date=D(2025, 5, 1), amount=Decimal("1.20"), currency="EUR"
    )  # 1.50 USD
    table = contributions(D(2025, 1, 1), D(2025, 12, 31))
    assert [row.total for row in table.rows] == [3, 2]
    assert table.total == 5  # 2.50 + 1.50 = 4.00 unrounded: the table adds up as printed


def test_a_missing_rate_is_refused_naming_the_currency_and_day_and_nothing_is_written(norway):
    ExchangeRate.objects.create(
        currency="CHF", date=D(2025, 6, 1), units_per_usd=Decimal("0.9"), source="test"
    )
    before = (Payment.objects.count(), Pledge.objects.count(), Payment.history.count())
    with pytest.raises(MissingRate) as refused:
        Payment.objects.create(donor=norway, date=D(2025, 5, 31), amount=Decimal("10"), currency="CHF")
    assert "CHF" in str(refused.value) and "2025-05-31" in str(refused.value)
    with pytest.raises(MissingRate):
        Pledge.objects.create(donor=norway, date=D(2025, 5, 1), amount=Decimal("10"), currency="JPY")
    assert (Payment.objects.count(), Pledge.objects.count(), Payment.history.count()) == before
    pledge = Pledge(donor=norway, date=D(2025, 5, 1), amount=Decimal("10"), currency="JPY")
    with pytest.raises(ValidationError) as invalid:
        pledge.full_clean()
    assert "JPY" in str(invalid.value.message_dict["currency"])


def test_a_currency_must_be_an_iso_4217_code(norway):
    with pytest.raises(ValidationError) as invalid:
        Pledge(donor=norway, date=D(2025, 5, 1), amount=Decimal("10"), currency="XYZ").full_clean()
    assert "currency" in invalid.value.message_dict


def test_an_expenditure_in_another_currency_is_kept_with_its_rate():
    project = Project.objects.create(
        code="T-F01", title="Test project", starts_on=D(2025, 1, 1), ends_on=D(2026, 12, 31)
    )
    ExchangeRate.objects.create(
        currency="EUR", date=D(2025, 1, 1), units_per_usd=Decimal("0.925"), source="test"
    )
    spent = Expenditure.objects.create(
        project=project, date=D(2025, 3, 3), amount=Decimal("1000"), currency="EUR", kind="spent"
    )
    assert spent.amount_usd == Decimal("1081.08")  # 1000 / 0.925 = 1081.081…
