"""The reference data a visitor relies on: the 19 instruments and the 197 states."""

import datetime
import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from instruments.models import Instrument, InstrumentTitle
from states.models import State

pytestmark = pytest.mark.django_db


def test_the_nineteen_instruments_with_the_dates_of_the_source():
    assert Instrument.objects.count() == 19
    financing = Instrument.objects.get(slug="financing-1999")
    assert financing.adoption_date == datetime.date(1999, 12, 9)
    assert financing.entry_into_force_date == datetime.date(2002, 4, 10)
    assert financing.opened_for_signature == datetime.date(2000, 1, 10)
    assert financing.depositary == "un-sg"
    tokyo = Instrument.objects.get(slug="tokyo-1963")
    assert tokyo.entry_into_force_date == datetime.date(1969, 12, 4)
    beijing = Instrument.objects.get(slug="beijing-2010")
    assert beijing.entry_into_force_date == datetime.date(2018, 7, 1)
    assert Instrument.objects.get(slug="montreal-protocol-2014").relates_to.slug == "tokyo-1963"


def test_every_instrument_fact_has_a_source():
    for instrument in Instrument.objects.all():
        assert instrument.sources.get("adoption"), instrument.slug
        if instrument.entry_into_force_date:
            assert instrument.sources.get("entry_into_force"), instrument.slug
        if instrument.opened_for_signature:
            assert instrument.sources.get("opened_for_signature"), instrument.slug
    assert not InstrumentTitle.objects.filter(source="").exists()


def test_which_instruments_existed_on_a_date():
    assert Instrument.objects.adopted_by(datetime.date(2004, 12, 31)).count() == 12
    assert Instrument.objects.adopted_by(datetime.date(2014, 4, 3)).count() == 18
    assert Instrument.objects.adopted_by(datetime.date(2014, 4, 4)).count() == 19


def test_every_instrument_has_an_english_title_and_financing_a_chinese_one():
    for instrument in Instrument.objects.with_titles():
        assert instrument.title_in("en") is not None, instrument.slug
    financing = Instrument.objects.get(slug="financing-1999")
    assert financing.title_in("zh").title == "制止向恐怖主义提供资助的国际公约"


def test_states_193_members_2_observers_cook_islands_and_niue():
    assert State.objects.count() == 197
    assert State.objects.member_states().count() == 193
    observers = set(State.objects.filter(status="observer").values_list("iso3", flat=True))
    assert observers == {"VAT", "PSE"}
    non_members = set(State.objects.filter(status="non-member").values_list("iso3", flat=True))
    assert non_members == {"COK", "NIU"}


def test_every_member_state_has_a_region_and_a_regional_group():
    for state in State.objects.member_states().with_areas():
        assert state.region.level == "region", state.iso3
        assert state.subregion.parent_id == state.region.id, state.iso3
        assert state.regional_group, state.iso3
        assert state.un_admission_year, state.iso3


def test_state_names_in_the_six_languages():
    china = State.objects.get(iso3="CHN")
    assert china.names["zh"] == "中国"
    assert china.names["en"] == "China"
    assert set(china.names) == {"ar", "zh", "en", "fr", "ru", "es"}
    assert State.objects.get(iso3="PSE").names["en"] == "State of Palestine"
    assert State.objects.get(iso3="VAT").names["en"] == "Holy See"


def test_regions_and_groups_match_the_un_lists():
    kenya = State.objects.with_areas().get(iso3="KEN")
    assert (kenya.region.code, kenya.subregion.code, kenya.intermediate_region.code) == ("002", "202", "014")
    assert kenya.regional_group == "african"
    assert State.objects.get(iso3="TUR").regional_group == "weog"
    assert State.objects.in_area("419").count() == 33
    assert State.objects.in_group("eastern-european").count() == 23


def test_a_second_load_changes_nothing():
    before = Instrument.history.count() + State.history.count()
    out = StringIO()
    call_command("load_reference", stdout=out)
    assert "nothing changed" in out.getvalue()
    assert Instrument.history.count() + State.history.count() == before


def _corrupt_copy(settings, tmp_path, name, transform):
    copy = tmp_path / "reference"
    shutil.copytree(settings.REFERENCE_DIR, copy)
    target = copy / name
    target.write_text(transform(target.read_text(encoding="utf-8")), encoding="utf-8")
    settings.REFERENCE_DIR = copy


def test_a_corrupted_file_aborts_the_load_and_leaves_the_data_intact(settings, tmp_path):
    # The first rows load fine; a bad date further down must undo them all.
    _corrupt_copy(
        settings,
        tmp_path,
        "instruments.csv",
        lambda text: text.replace("Tokyo Convention", "Tokyo Convention (edited)").replace(
            "1999-12-09", "1999-13-09"
        ),
    )
    with pytest.raises(CommandError) as error:
        call_command("load_reference")
    assert "instruments.csv, line 13, field 'adoption_date'" in str(error.value)
    assert "'1999-13-09' is not a date" in str(error.value)
    assert Instrument.objects.get(slug="tokyo-1963").short_name == "Tokyo Convention"
    assert Instrument.objects.get(slug="financing-1999").adoption_date == datetime.date(1999, 12, 9)


def test_an_unknown_area_names_the_line_and_changes_no_state(settings, tmp_path):
    _corrupt_copy(
        settings,
        tmp_path,
        "states.csv",
        lambda text: text.replace("AFG,AF,004,member,034", "AFG,AF,004,member,145").replace(
            "ZWE,ZW,716,member,014", "ZWE,ZW,716,member,999"
        ),
    )
    with pytest.raises(CommandError, match=r"states.csv, line 198, field 'area': '999' is not an M49 area"):
        call_command("load_reference")
    assert State.objects.with_areas().get(iso3="AFG").subregion.code == "034"


def test_a_truncated_row_is_refused(settings, tmp_path):
    _corrupt_copy(settings, tmp_path, "m49_areas.csv", lambda text: text + "999,region\n")
    with pytest.raises(CommandError, match=r"m49_areas.csv, line \d+: expected 10 fields"):
        call_command("load_reference")
