"""The legal-basis finder on the shipped status lists (UN Treaty Collection, 2014)."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cooperation.legal_basis import find_legal_basis, legal_basis_text
from cooperation.offences import OFFENCES, articles_of, offence
from instruments.models import Instrument
from participation.models import ActionKind, Statement, TreatyAction
from states.models import State

pytestmark = pytest.mark.django_db
FINANCING = offence("terrorist-financing")


def _basis(requesting, requested, code, on):
    return find_legal_basis(
        State.objects.get(iso3=requesting), State.objects.get(iso3=requested), offence(code), on
    )


def _answer(basis, slug):
    return next(answer for answer in basis.instruments if answer.instrument.slug == slug)


def test_both_parties_to_financing_get_it_with_both_entry_into_force_dates():
    basis = _basis("FRA", "CHN", "terrorist-financing", datetime.date(2010, 1, 1))
    assert [answer.instrument.slug for answer in basis.binding] == ["financing-1999"]
    answer = basis.binding[0]
    # France ratified on 2002-01-07, before the Convention's own entry into force (2002-04-10);
    # China on 2006-04-19: in force on the thirtieth day after (art. 26(2)).
    assert answer.requesting.entry_into_force == datetime.date(2002, 4, 10)
    assert answer.requested.entry_into_force == datetime.date(2006, 5, 19)
    roles = {(article.role, article.article) for article in answer.articles}
    assert ("fiscal-offence-excluded", "13") in roles
    assert ("legal-basis-for-extradition", "11(2)") in roles
    assert ("mutual-legal-assistance", "12(1)") in roles
    assert not basis.after_as_at


def test_a_state_that_joined_after_the_date_does_not_share_it():
    basis = _basis("FRA", "CHN", "terrorist-financing", datetime.date(2005, 1, 1))
    assert basis.binding == []
    answer = _answer(basis, "financing-1999")
    assert answer.reason == "joined-later"
    assert answer.requesting.reason == ""
    assert answer.requested.joined_on == datetime.date(2006, 4, 19)
    assert "No instrument covering this offence" in legal_basis_text(basis, "en")


def test_a_denunciation_ends_it_from_its_effective_date():
    source = TreatyAction.objects.filter(instrument__slug="financing-1999").first().source
    TreatyAction.objects.create(
        state=State.objects.get(iso3="FRA"),
        instrument=Instrument.objects.get(slug="financing-1999"),
        kind=ActionKind.DENUNCIATION,
        date=datetime.date(2008, 3, 1),
        source=source,
    )
    # Notified 2008-03-01; it takes effect one year later (art. 27(2)).
    before = _basis("FRA", "CHN", "terrorist-financing", datetime.date(2009, 2, 28))
    assert [a.instrument.slug for a in before.binding] == ["financing-1999"]
    after = _basis("FRA", "CHN", "terrorist-financing", datetime.date(2009, 3, 1))
    answer = _answer(after, "financing-1999")
    assert answer.reason == "denounced"
    assert answer.requesting.position.denunciation_effective == datetime.date(2009, 3, 1)


def test_a_date_after_the_status_list_is_flagged_not_asserted():
    basis = _basis("FRA", "CHN", "terrorist-financing", datetime.date(2020, 1, 1))
    answer = _answer(basis, "financing-1999")
    assert basis.after_as_at
    assert answer.as_at_note == "as at 2014-07-10; later actions not recorded"
    assert "as at 2014-07-10" in legal_basis_text(basis, "en")


def test_an_instrument_without_status_list_is_unknown_not_not_party():
    basis = _basis("FRA", "CHN", "hijacking", datetime.date(2010, 1, 1))
    hague = _answer(basis, "hague-1970")
    assert hague.reason == "unknown"
    assert hague.requesting.position.standing == "no-data"
    # The Beijing Protocol of 2010 did not exist on the date.
    assert _answer(basis, "beijing-protocol-2010").reason == "not-adopted"


def test_a_reservation_on_a_cooperation_article_is_shown_and_one_on_disputes_is_not():
    consent = TreatyAction.objects.get(
        state__iso3="CHN", instrument__slug="financing-1999", kind="ratification"
    )
    Statement.objects.create(
        action=consent, kind="reservation", text="Not bound by article 24, paragraph 1.", source="test"
    )
    on_article = Statement.objects.create(
        action=consent, kind="declaration", text="Article 11 (2) is not the legal basis.", source="test"
    )
    answer = _basis("FRA", "CHN", "terrorist-financing", datetime.date(2010, 1, 1)).binding[0]
    assert answer.statements == [on_article]


def test_every_offence_has_instruments_with_articles_or_a_stated_gap():
    for item in OFFENCES:
        assert item.instruments
        for slug in item.instruments:
            assert articles_of(slug), slug
    assert [a.role for a in articles_of("montreal-protocol-2014")] == ["text-not-in-ctassist"]


def test_bilateral_treaty_in_force_is_listed():
    from cooperation.models import BilateralTreaty

    treaty = BilateralTreaty.objects.create(
        title="Treaty on Extradition between France and China",
        kind="extradition",
        in_force_on=datetime.date(2015, 7, 17),
        source="test",
    )
    treaty.parties.set(State.objects.filter(iso3__in=["FRA", "CHN"]))
    assert _basis("FRA", "CHN", "terrorist-financing", datetime.date(2014, 1, 1)).treaties == []
    assert _basis("CHN", "FRA", "terrorist-financing", datetime.date(2016, 1, 1)).treaties == [treaty]


def test_legal_basis_text_in_the_six_languages():
    basis = _basis("FRA", "CHN", "terrorist-financing", datetime.date(2010, 1, 1))
    english = legal_basis_text(basis, "en")
    assert "International Convention for the Suppression of the Financing of Terrorism" in english
    assert "France" in english and "2006-05-19" in english and "article 13" in english
    chinese = legal_basis_text(basis, "zh")
    assert "制止向恐怖主义提供资助的国际公约" in chinese and "中国" in chinese


def test_api_answers_and_names_what_it_does_not_know(client):
    data = client.get(
        "/api/v1/legal-basis?requesting=fra&requested=CHN&offence=terrorist-financing&on=2010-01-01"
    ).json()
    financing = next(i for i in data["instruments"] if i["instrument"] == "financing-1999")
    assert financing["binds_both"] is True
    assert financing["requesting"]["entry_into_force"] == "2002-04-10"
    assert financing["requested"]["entry_into_force"] == "2006-05-19"
    fiscal = next(a for a in financing["articles"] if a["role"] == "fiscal-offence-excluded")
    assert fiscal["article"] == "13"
    assert fiscal["citations"][0]["url"] == "https://wetten.overheid.nl/BWBV0001518"
    for query, named in (
        ("requesting=FRA&requested=XXX&offence=terrorist-financing", "'XXX'"),
        ("requesting=FRA&requested=CHN&offence=piracy", "'piracy'"),
        ("requesting=FRA&requested=CHN&offence=terrorist-financing&on=2010-13-01", "'2010-13-01'"),
    ):
        response = client.get(f"/api/v1/legal-basis?{query}")
        assert response.status_code == 400
        assert named in response.json()["detail"]


def test_command_json_and_text_and_errors():
    out = StringIO()
    call_command(
        "legal_basis",
        "FRA",
        "CHN",
        "--offence",
        "terrorist-financing",
        "--on",
        "2005-01-01",
        "--format",
        "json",
        stdout=out,
    )
    data = json.loads(out.getvalue())
    assert (
        next(i for i in data["instruments"] if i["instrument"] == "financing-1999")["reason"]
        == "joined-later"
    )
    out = StringIO()
    call_command(
        "legal_basis", "FRA", "CHN", "--offence", "terrorist-financing", "--on", "2010-01-01", stdout=out
    )
    assert "in force for both" in out.getvalue() and "2006-05-19" in out.getvalue()
    with pytest.raises(CommandError, match="'piracy'"):
        call_command("legal_basis", "FRA", "CHN", "--offence", "piracy")
    with pytest.raises(CommandError, match="'ZZZ'"):
        call_command("legal_basis", "ZZZ", "CHN", "--offence", "terrorist-financing")


@pytest.mark.parametrize(
    ("prefix", "expected"),
    # The instrument's official title, or the state's UN name, in the page's language.
    [("", "Financing of Terrorism"), ("/zh-hans", "制止向恐怖主义提供资助的国际公约"), ("/ar", "فرنسا")],
)
def test_the_page_renders_in_english_chinese_and_arabic(client, prefix, expected):
    page = client.get(
        f"{prefix}/cooperation/legal-basis/?requesting=FRA&requested=CHN&offence=terrorist-financing&on=2010-01-01"
    )
    assert page.status_code == 200
    body = page.content.decode()
    assert 'data-instrument="financing-1999"' in body
    assert "2006-05-19" in body and "wetten.overheid.nl/BWBV0001518" in body
    assert expected in body
    if prefix == "/ar":
        assert 'dir="rtl"' in body


def test_the_page_refuses_an_unknown_state(client):
    page = client.get("/cooperation/legal-basis/?requesting=FRA&requested=XXX&offence=terrorist-financing")
    assert page.status_code == 400
    assert "XXX is not one of the available choices" in page.content.decode()
    assert "data-instrument" not in page.content.decode()
