"""Every figure of participation says the date its data is as at, and never states a count
"on" a date after its status list as if it were known."""

import datetime
import re
from html.parser import HTMLParser

import pytest

from tests.participation_oracle import parties_on

pytestmark = pytest.mark.django_db

FINANCING_AS_AT = datetime.date(2014, 7, 10)  # the shipped UN Treaty Collection list
LATER = "2026-12-06"
EARLIER = "2010-01-01"


INLINE = {"a", "abbr", "code", "em", "small", "span", "strong", "sup"}


class _Text(HTMLParser):
    """The text a reader sees: no tags, no script, style or SVG, no title attributes."""

    def __init__(self):
        super().__init__()
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "svg", "title"):
            self.hidden += 1
        if tag not in INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "svg", "title"):
            self.hidden -= 1
        if tag not in INLINE:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(body: str) -> str:
    parser = _Text()
    parser.feed(body)
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


def test_a_count_for_a_later_date_is_given_as_at_the_list_date_and_says_so(client):
    body = client.get(f"/instruments/financing-1999/status/?on={LATER}").content.decode()
    text = visible_text(body)
    assert (
        "As at July 10, 2014 (UN Treaty Collection status list): 186 parties; later actions are not "
        "recorded in ctassist, so the number on Dec. 6, 2026 is not known." in text
    )
    assert "parties on Dec. 6, 2026" not in text
    assert len(parties_on("financing-1999", FINANCING_AS_AT)) == 186


def test_a_count_for_an_earlier_date_is_stated_plainly(client):
    text = visible_text(client.get(f"/instruments/financing-1999/status/?on={EARLIER}").content.decode())
    expected = len(parties_on("financing-1999", datetime.date(2010, 1, 1)))
    assert f"{expected} parties on Jan. 1, 2010 (status list as at July 10, 2014)" in text
    assert "later actions are not recorded" not in text


def test_the_chart_and_map_stop_at_the_list_date(client):
    response = client.get(f"/instruments/financing-1999/status/?on={LATER}")
    chart = response.context["chart"]
    assert 'data-until="2014-07-10"' in chart
    # The line ends at the right edge of the plot, which is the list's date: no flat line to today.
    last_x = float(re.search(r'<polyline points="[^"]*?([\d.]+),[\d.]+"', chart).group(1))
    width = float(re.search(r'viewBox="0 0 (\d+)', chart).group(1))
    assert last_x == width - 12
    assert "Status of" in response.context["map"] and "as at July 10, 2014" in response.context["map"]
    assert "Number of parties over time, up to July 10, 2014, the date of the status list" in visible_text(
        response.content.decode()
    )


def test_the_api_carries_the_list_date_and_the_flag(client):
    later = client.get(f"/api/v1/instruments/financing-1999/parties?on={LATER}").json()
    assert later["on"] == LATER
    assert later["as_at"] == "2014-07-10" and later["after_as_at"] is True
    assert later["counted_on"] == "2014-07-10" and later["count"] == 186
    earlier = client.get(f"/api/v1/instruments/financing-1999/parties?on={EARLIER}").json()
    assert earlier["after_as_at"] is False and earlier["counted_on"] == EARLIER
    assert earlier["count"] == len(parties_on("financing-1999", datetime.date(2010, 1, 1)))
    none = client.get(f"/api/v1/instruments/tokyo-1963/parties?on={LATER}").json()
    assert none["as_at"] is None and none["after_as_at"] is False and none["count"] is None


def test_the_api_positions_carry_each_instruments_list_date(client):
    rows = {r["instrument"]: r for r in client.get(f"/api/v1/states/FRA/participation?on={LATER}").json()}
    assert rows["financing-1999"]["as_at"] == "2014-07-10" and rows["financing-1999"]["after_as_at"]
    assert rows["diplomatic-agents-1973"]["as_at"] == "2014-01-27"
    assert rows["tokyo-1963"]["as_at"] is None and rows["tokyo-1963"]["after_as_at"] is False
    rows = client.get("/api/v1/participation?instrument=bombings-1997&on=2014-01-01").json()
    assert {(r["as_at"], r["after_as_at"]) for r in rows} == {("2014-03-19", False)}


def test_the_matrix_gives_each_column_its_list_date(client):
    response = client.get(f"/participation/?on={LATER}&subregion=143")
    body = response.content.decode()
    text = visible_text(body)
    assert "Participation in the universal instruments as at the dates of their status lists" in text
    assert "The instruments marked † are shown as at the date of their status list" in text
    assert "which is earlier than Dec. 6, 2026: actions after that date are not recorded" in text
    dates = re.findall(r'<td class="as-at after-as-at" data-as-at="([\d-]+)"', body)
    assert sorted(dates) == ["2014-01-27", "2014-03-19", "2014-03-19", "2014-07-10", "2014-07-10"]
    assert "on Dec. 6, 2026" not in text


def test_the_matrix_on_a_date_before_every_list_says_on(client):
    text = visible_text(client.get(f"/participation/?on={EARLIER}&subregion=143").content.decode())
    assert "Participation in the universal instruments on Jan. 1, 2010" in text
    assert "marked †" not in text and "later actions are not recorded" not in text


def test_instruments_without_a_list_are_named_once_not_a_column_of_question_marks(client):
    response = client.get(f"/participation/?on={LATER}")
    body = response.content.decode()
    assert body.count('class="gap no-status-list"') == 1
    assert "status-no-data" not in body and ">?<" not in body
    note = visible_text(body.split('class="gap no-status-list"')[1].split("</div>")[0])
    assert "ctassist has no status list for 14 instruments" in note
    assert "Convention on Offences and Certain Other Acts Committed on Board Aircraft" in note  # Tokyo
    assert "ctassist import-participation" in note
    assert [i.slug for i in response.context["matrix"].instruments] == [
        "diplomatic-agents-1973",
        "hostages-1979",
        "bombings-1997",
        "financing-1999",
        "nuclear-terrorism-2005",
    ]


def test_the_state_page_says_per_instrument_the_list_date(client):
    body = client.get(f"/states/FRA/?on={LATER}").content.decode()
    section = body.split('id="participation-heading"')[1]
    text = visible_text(section)
    assert "Participation as at the dates of the status lists" in visible_text(body)
    assert "which is earlier than Dec. 6, 2026: actions after that date are not recorded in ctassist" in text
    financing = section.split('data-instrument="financing-1999"')[1].split("</tr>")[0]
    assert 'data-as-at="2014-07-10"' in financing
    assert "July 10, 2014 † later actions are not recorded" in visible_text(financing)
    assert 'data-instrument="tokyo-1963"' not in section  # no row of "no data"
    assert section.count('class="gap no-status-list"') == 1
    assert "For 14 instruments ctassist has no status list" in text
    assert "ctassist import-participation" in text


def test_the_state_page_on_an_earlier_date_reads_plainly(client):
    text = visible_text(client.get(f"/states/FRA/?on={EARLIER}").content.decode())
    assert "Participation on Jan. 1, 2010" in text
    assert "marked †" not in text and "later actions are not recorded" not in text


def test_an_instrument_without_a_list_explains_how_to_bring_one_in(client):
    text = visible_text(client.get("/instruments/tokyo-1963/status/").content.decode())
    assert "ctassist has no status list for this instrument yet" in text
    assert "ctassist import-participation" in text


@pytest.mark.parametrize(
    ("language", "expected", "english"),
    [
        ("zh-hans", "2014年7月10日", "later actions are not recorded"),
        ("ar", "2014", "later actions are not recorded"),
    ],
)
def test_the_as_at_pages_read_in_chinese_and_arabic(client, language, expected, english):
    for path in (
        f"/{language}/instruments/financing-1999/status/?on={LATER}",
        f"/{language}/participation/?on={LATER}",
        f"/{language}/states/FRA/?on={LATER}",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        text = visible_text(response.content.decode())
        assert english not in text, path
        assert "marked †" not in text and "As at" not in text and "status list" not in text, path
        if "/instruments/" not in path:  # the pages with instruments that have no list
            assert "ctassist import-participation" in text, path  # the command itself, untranslated
    assert expected in visible_text(
        client.get(f"/{language}/instruments/financing-1999/status/?on={LATER}").content.decode()
    )
