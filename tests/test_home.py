"""The home page shows the work: a search box, each instrument's parties with the date they
are as at, the newest recorded actions, and the way into each function for the signed-in role."""

import csv
import datetime
import re

import pytest
from django.utils.formats import date_format

from accounts.models import Role
from tests.conftest import make_user
from tests.participation_oracle import DATA, parties_on
from tests.test_participation_as_at import visible_text

pytestmark = pytest.mark.django_db

ROLE_LINKS = {"/reviews/", "/requests/", "/matrix/", "/outcomes/", "/laws/import/", "/plans/", "/projects/"}


def section(body: str, heading_id: str) -> str:
    return body.split(f'id="{heading_id}"')[1].split("</section>")[0]


def own_links(body: str) -> set[str]:
    """The role's entries: links in the "Your work" section, if there is one."""
    if 'id="for-you-heading"' not in body:
        return set()
    return set(re.findall(r'href="([^"]+)"', section(body, "for-you-heading")))


def test_the_search_box_goes_to_the_search_of_laws(client):
    body = client.get("/").content.decode()
    form = re.search(r'<form[^>]*role="search".*?</form>', body, re.S).group(0)
    assert 'method="get"' in form and 'action="/laws/search/"' in form and 'name="q"' in form
    assert client.get("/laws/search/", {"q": "terrorism"}).status_code == 200


def test_each_instrument_with_its_parties_and_the_date_they_are_as_at(client):
    body = client.get("/").content.decode()
    figures = section(body, "instruments-heading")
    financing = visible_text(figures.split('data-instrument="financing-1999"')[1].split("</tr>")[0])
    expected = len(parties_on("financing-1999", datetime.date(2014, 7, 10)))
    assert f"{expected} July 10, 2014" in financing
    diplomatic = figures.split('data-instrument="diplomatic-agents-1973"')[1].split("</tr>")[0]
    assert 'data-as-at="2014-01-27"' in diplomatic
    text = visible_text(figures)
    assert "Each number is as at the date of the instrument's status list" in text
    assert figures.count('class="gap no-status-list"') == 1
    assert "No status list in ctassist for 14 instruments" in text
    assert 'data-instrument="tokyo-1963"' not in figures  # named once in the note, not a row of "?"
    assert "ctassist import-participation" in text


def test_the_newest_actions_on_record_with_state_instrument_and_list_date(client):
    rows = []
    for path in DATA.glob("*.csv"):
        rows += list(csv.DictReader(path.open(encoding="utf-8")))
    newest = max(rows, key=lambda row: row["date"])
    body = client.get("/").content.decode()
    actions = section(body, "newest-heading")
    first = visible_text(actions.split("<tbody>")[1].split("</tr>")[0])
    assert date_format(datetime.date.fromisoformat(newest["date"])) in first
    assert "ratification" in first or "accession" in first
    assert date_format(datetime.date.fromisoformat(newest["as_at"])) in first
    assert "Each list is as at its own date: actions after it are not recorded." in visible_text(actions)
    assert actions.count("<tr>") == 1 + 8  # the header and the eight newest


def test_the_public_sees_the_public_functions_and_no_role_entries(client):
    body = client.get("/").content.decode()
    assert own_links(body) == set()
    for path in ("/instruments/", "/states/", "/participation/", "/laws/", "/laws/search/", "/api/v1/docs"):
        assert f'href="{path}"' in body, path


@pytest.mark.parametrize(
    ("role", "state", "expected"),
    [
        (Role.STAFF, None, {"/reviews/", "/requests/", "/matrix/", "/outcomes/", "/laws/import/"}),
        (Role.ADMINISTRATOR, None, {"/reviews/", "/requests/", "/matrix/", "/outcomes/", "/laws/import/"}),
        (Role.FOCAL_POINT, "FRA", {"/states/FRA/", "/requests/", "/plans/"}),
        (Role.DONOR, None, {"/projects/"}),
        (Role.EXPERT, None, {"/reviews/"}),
    ],
)
def test_each_role_gets_its_way_in(client, role, state, expected):
    client.force_login(make_user(f"user-{role}", role, state))
    links = own_links(client.get("/").content.decode())
    assert links == expected


def test_a_focal_point_sees_its_own_state_by_name(client):
    client.force_login(make_user("focal", Role.FOCAL_POINT, "FRA"))
    text = visible_text(section(client.get("/").content.decode(), "for-you-heading"))
    assert "France" in text and "Your state's requests for assistance" in text
    assert "Monthly matrix" not in text and "Import a law" not in text


ENGLISH = [
    "The instruments and their parties",
    "Each number is as at",
    "Status list as at",
    "The newest treaty actions on record",
    "What you can open",
    "No status list in ctassist",
    "Your work",
    "brought into ctassist",
    "Legislative reviews of every state",
]


@pytest.mark.parametrize("language", ["zh-hans", "ar"])
def test_the_home_page_reads_in_chinese_and_arabic(client, language):
    client.force_login(make_user("staff-reader", Role.STAFF))
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    for english in ENGLISH:
        assert english not in text, english
    assert "ctassist import-participation" in text
    assert "July 10, 2014" not in text  # dates in the reader's language
