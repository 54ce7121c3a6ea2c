"""Each state's entry into force, computed from the instrument's rule as data."""

import datetime

import pytest

from instruments.entry_into_force import add_delay, for_deposit
from instruments.models import Instrument

pytestmark = pytest.mark.django_db
D = datetime.date


def instrument(slug):
    return Instrument.objects.get(slug=slug)


def test_a_state_joining_after_entry_into_force_gets_its_deposit_plus_thirty_days():
    result = for_deposit(instrument("financing-1999"), D(2002, 4, 10))
    assert result.date == D(2002, 5, 10)
    assert "deposited 2002-04-10" in result.explanation
    assert "30 days after the deposit → 2002-05-10" in result.explanation


def test_an_early_state_gets_the_general_date():
    result = for_deposit(instrument("financing-1999"), D(2001, 6, 1))
    assert result.date == D(2002, 4, 10)
    assert "entered into force on 2002-04-10" in result.explanation


def test_the_hague_rule_takes_whichever_is_later():
    hague = instrument("hague-1970")
    assert for_deposit(hague, D(1971, 9, 1)).date == D(1971, 10, 14)
    assert for_deposit(hague, D(1980, 9, 10)).date == D(1980, 10, 10)  # China: in force 10 Oct 1980


def test_beijing_counts_to_the_first_day_of_the_second_month():
    assert for_deposit(instrument("beijing-2010"), D(2019, 1, 31)).date == D(2019, 3, 1)
    assert for_deposit(instrument("beijing-2010"), D(2019, 11, 15)).date == D(2020, 1, 1)


def test_tokyo_ninety_days():
    assert for_deposit(instrument("tokyo-1963"), D(1978, 9, 14)).date == D(1978, 12, 13)


def test_a_special_rule_is_named_in_the_explanation():
    result = for_deposit(instrument("fixed-platforms-1988"), D(2000, 1, 3))
    assert result.date == D(2000, 4, 2)
    assert "special rule" in result.explanation


def test_an_unknown_rule_says_so_instead_of_guessing():
    result = for_deposit(instrument("montreal-protocol-2014"), D(2021, 5, 5))
    assert result.date is None
    assert "not known" in result.explanation


def test_month_start_crosses_the_year():
    assert add_delay(D(2017, 12, 31), 2, "month-start") == D(2018, 2, 1)
