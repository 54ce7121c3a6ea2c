"""Entry into force for each state and the number of parties, computed from the actions."""

import datetime

import pytest
from django.core.management import call_command

from instruments.models import Instrument
from participation.models import TreatyAction
from participation.standing import (
    Standing,
    general_entry_into_force,
    instruments_with_data,
    party_count_history,
    position_of,
    positions,
    state_overview,
)
from states.models import State
from tests.participation_oracle import parties_on

pytestmark = pytest.mark.django_db
D = datetime.date
SHIPPED = [
    "diplomatic-agents-1973",
    "hostages-1979",
    "bombings-1997",
    "financing-1999",
    "nuclear-terrorism-2005",
]


def position(iso3, slug, on):
    state, instrument = State.objects.get(iso3=iso3), Instrument.objects.get(slug=slug)
    return position_of(positions(on, [instrument], [state.id]), state.id, instrument, instruments_with_data())


def test_the_general_dates_of_financing_and_bombings_come_from_the_shipped_actions():
    for slug, expected in (("financing-1999", D(2002, 4, 10)), ("bombings-1997", D(2001, 5, 23))):
        instrument = Instrument.objects.get(slug=slug)
        instrument.entry_into_force_date = None  # the stored constant plays no part
        computed = general_entry_into_force(instrument)
        assert computed.date == expected
        assert "instrument no. 22" in computed.explanation


def test_a_computed_general_date_that_differs_from_the_sources_says_why():
    computed = general_entry_into_force(Instrument.objects.get(slug="diplomatic-agents-1973"))
    assert computed.date != D(1977, 2, 20)
    assert "the sources give 1977-02-20" in computed.explanation


def test_a_state_that_deposited_before_the_general_entry_into_force():
    united_kingdom = position("GBR", "financing-1999", D(2014, 1, 1))
    assert united_kingdom.consent.date == D(2001, 3, 7)
    assert united_kingdom.entry_into_force.date == D(2002, 4, 10)
    assert "entered into force on 2002-04-10" in united_kingdom.entry_into_force.explanation
    assert position("GBR", "financing-1999", D(2002, 1, 1)).standing == Standing.PARTY
    assert position("GBR", "financing-1999", D(2002, 4, 10)).standing == Standing.IN_FORCE


def test_a_state_that_joined_later_gets_its_deposit_plus_the_delay():
    china = position("CHN", "financing-1999", D(2014, 1, 1))
    assert china.consent.date == D(2006, 4, 19)
    assert china.entry_into_force.date == D(2006, 5, 19)
    assert (
        "deposited 2006-04-19; 30 days after the deposit → 2006-05-19" in china.entry_into_force.explanation
    )


def test_a_succession_is_a_party_without_a_guessed_date():
    montenegro = position("MNE", "bombings-1997", D(2014, 1, 1))
    assert montenegro.consent.kind == "succession"
    assert montenegro.standing == Standing.PARTY
    assert montenegro.entry_into_force.date is None
    assert "succession of States" in montenegro.entry_into_force.explanation


def test_a_denunciation_takes_effect_after_the_notice_period(tmp_path):
    sample = tmp_path / "denunciation.csv"
    sample.write_text(
        "state,instrument,kind,date,raw,notes,source,as_at\n"
        "FRA,financing-1999,denunciation,2015-03-02,2 Mar 2015,,Test list,2015-06-01\n",
        encoding="utf-8",
    )
    call_command("import_participation", str(sample), verbosity=0)
    assert position("FRA", "financing-1999", D(2015, 6, 1)).standing == Standing.IN_FORCE
    after = position("FRA", "financing-1999", D(2016, 3, 2))
    assert after.standing == Standing.DENOUNCED
    assert after.denunciation_effective == D(2016, 3, 2)  # art. 27: one year after notification


def test_rules_of_every_kind():
    from instruments.entry_into_force import for_deposit

    amendment = Instrument.objects.get(slug="cppnm-amendment-2005")
    assert for_deposit(amendment, D(2017, 3, 1)).date == D(2017, 3, 1)  # on the day of deposit
    assert for_deposit(Instrument.objects.get(slug="beijing-protocol-2010"), D(2019, 5, 20)).date == D(
        2019, 7, 1
    )
    assert for_deposit(Instrument.objects.get(slug="hague-1970"), D(1970, 12, 20)).date == D(1971, 10, 14)


@pytest.mark.parametrize("slug", SHIPPED)
@pytest.mark.parametrize("on", [D(1990, 1, 1), D(2002, 4, 10), D(2007, 7, 7), D(2014, 3, 19)])
def test_parties_on_a_date_are_the_states_that_consented_by_then(slug, on):
    instrument = Instrument.objects.get(slug=slug)
    found = positions(on, [instrument])
    computed = {State.objects.get(id=state_id).iso3 for (state_id, _i), p in found.items() if p.is_party}
    assert computed == parties_on(slug, on)


def test_the_history_ends_at_todays_count():
    instrument = Instrument.objects.get(slug="financing-1999")
    history = party_count_history(instrument, D(2014, 7, 10))
    assert history[-1][1] == len(parties_on("financing-1999", D(2014, 7, 10))) == 186
    assert history[0][1] >= 1
    counts = [count for _date, count in history]
    assert counts == sorted(counts)  # no denunciation on record: the number only grows


def test_instruments_without_status_data_are_unknown_not_zero():
    overview = state_overview(State.objects.get(iso3="FRA"), D(2014, 7, 10))
    standings = {instrument.slug: position.standing for instrument, position, *_ in overview.rows}
    assert standings["tokyo-1963"] == Standing.NO_DATA
    assert standings["financing-1999"] == Standing.IN_FORCE
    assert "tokyo-1963" not in [i.slug for i in overview.missing]
    assert TreatyAction.objects.filter(instrument__slug="tokyo-1963").count() == 0


def test_the_instruments_a_state_still_lacks():
    overview = state_overview(State.objects.get(iso3="SOM"), D(2014, 7, 10))
    standings = {instrument.slug: position.standing for instrument, position, *_ in overview.rows}
    assert standings["financing-1999"] == Standing.SIGNATORY
    assert "financing-1999" in [i.slug for i in overview.missing]
