"""The public pages of the instruments, as a visitor sees them."""

from pathlib import Path

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_list_shows_all_nineteen_in_order(client):
    response = client.get("/instruments/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "19 instruments" in body
    assert body.index("Offences and Certain Other Acts Committed on Board Aircraft") < body.index(
        "Suppression of the Financing of Terrorism"
    )


def test_filter_by_depositary_and_decade(client):
    body = client.get("/instruments/?depositary=icao").content.decode()
    assert "5 instruments" in body
    assert "Marking of Plastic Explosives" in body
    assert "Financing of Terrorism" not in body
    body = client.get("/instruments/?decade=1990").content.decode()
    body = body[: body.index("</tbody>")]  # the rows, not the sources cited under them
    assert "3 instruments" in body
    assert "Terrorist Bombings" in body and "Financing of Terrorism" in body
    assert "Marking of Plastic Explosives" in body and "Nuclear" not in body


def test_a_filter_value_that_does_not_exist_is_named(client):
    response = client.get("/instruments/?depositary=nasa")
    assert response.status_code == 400
    assert "Select a valid choice. nasa is not one of the available choices." in response.content.decode()


def test_the_instrument_page_shows_dates_clause_depositary_and_sources(client):
    body = client.get("/instruments/financing-1999/").content.decode()
    assert "International Convention for the Suppression of the Financing of Terrorism" in body
    assert "1999-12-09" in body and "2000-01-10" in body and "2002-04-10" in body
    assert "Art. 26(1)" in body
    assert "Secretary-General of the United Nations" in body
    assert "BWBV0001518" in body  # the source of the clause
    assert "22 — instruments of ratification, acceptance, approval or accession" in body


def test_a_missing_official_title_is_shown_as_missing(client):
    from instruments.models import InstrumentTitle

    missing = 19 * 6 - InstrumentTitle.objects.filter(instrument__slug="montreal-protocol-2014").count()
    assert missing > 0
    body = client.get("/instruments/montreal-protocol-2014/").content.decode()
    assert "no source seen by ctassist gives the official title in this language" in body


def test_the_chinese_page_shows_the_chinese_title():
    client = Client(headers={"accept-language": "zh-hans"})
    body = client.get("/zh-hans/instruments/financing-1999/").content.decode()
    assert "<h1>制止向恐怖主义提供资助的国际公约</h1>" in body
    assert 'lang="zh-hans"' in body
    assert "生效" in body


def test_arabic_pages_are_right_to_left(client):
    body = client.get("/ar/instruments/").content.decode()
    assert '<html lang="ar" dir="rtl">' in body


def test_unknown_instrument_is_404(client):
    assert client.get("/instruments/no-such-treaty/").status_code == 404


def test_the_list_page_transfers_under_150_kb(client):
    from django.contrib.staticfiles import finders

    response = client.get("/instruments/")
    stylesheet = Path(finders.find("ctassist/site.css"))
    assert 'href="/static/ctassist/site.css"' in response.content.decode()
    assert "<script" not in response.content.decode()  # no other asset to fetch
    assert len(response.content) + stylesheet.stat().st_size < 150 * 1024


def test_user_text_is_escaped(client):
    from instruments.models import Instrument

    instrument = Instrument.objects.get(slug="tokyo-1963")
    instrument.adoption_place = "<script>alert(1)</script>"
    instrument.save()
    body = client.get("/instruments/tokyo-1963/").content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_a_clause_quoted_in_another_language_is_marked_as_such(client):
    body = client.get("/instruments/sua-protocol-2005/").content.decode()
    assert '<blockquote lang="de" dir="ltr">(1) Dieses Protokoll' in body
