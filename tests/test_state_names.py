"""The UN's own names of the states, in the six languages, sorted as each language sorts."""

import csv
import html
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from ctassist.languages import UN_LANGUAGES, django_language
from states.models import State

pytestmark = pytest.mark.django_db

NAMES_FILE = Path(settings.REFERENCE_DIR) / "state_names.csv"
# A state's link on a list: its ISO code in the address, then the name shown.
STATE_LINK = re.compile(r'<a href="(?:/[a-z-]+)?/states/([A-Z]{3})/">(.*?)</a>')


def shipped_names() -> dict[tuple[str, str], dict[str, str]]:
    """(iso3, language) -> the row of the product's own names file."""
    with NAMES_FILE.open(encoding="utf-8", newline="") as handle:
        return {(row["iso3"], row["language"]): row for row in csv.DictReader(handle)}


def prefix(language: str) -> str:
    return "" if language == "en" else f"/{django_language(language)}"


def listed(client, language: str, query: str = "") -> list[tuple[str, str]]:
    """(iso3, name) of each state on the states list page, in the order shown."""
    body = client.get(f"{prefix(language)}/states/{query}").content.decode()
    return [(iso3, html.unescape(name)) for iso3, name in STATE_LINK.findall(body)]


@pytest.mark.parametrize("language", UN_LANGUAGES)
def test_the_list_shows_the_un_short_name_of_all_197_states(client, language):
    names = shipped_names()
    shown = listed(client, language)
    assert len(shown) == 197
    assert {iso3: name for iso3, name in shown} == {
        iso3: row["short_name"] for (iso3, row_language), row in names.items() if row_language == language
    }


@pytest.mark.parametrize("language", UN_LANGUAGES)
def test_each_state_page_is_titled_with_its_un_short_name(client, language):
    names = shipped_names()
    for iso3 in State.objects.values_list("iso3", flat=True):
        body = client.get(f"{prefix(language)}/states/{iso3}/").content.decode()
        expected = html.escape(names[iso3, language]["short_name"])
        assert f"<h1>{expected}</h1>" in body, (iso3, language)
        assert f"<title>{expected}" in body, (iso3, language)


def test_the_names_are_the_uns_not_colloquial_ones():
    names = shipped_names()
    assert names["PRK", "en"]["short_name"] == "Democratic People's Republic of Korea"
    assert names["COD", "en"]["short_name"] == "Democratic Republic of the Congo"
    assert names["GBR", "en"]["short_name"] == "United Kingdom of Great Britain and Northern Ireland"
    assert names["TUR", "en"]["short_name"] == "Türkiye"
    assert names["CIV", "en"]["short_name"] == "Côte d’Ivoire"
    assert names["PRK", "zh"]["short_name"] == "朝鲜民主主义人民共和国"
    assert names["RUS", "ru"]["short_name"] == "Российская Федерация"
    assert names["RUS", "en"]["formal_name"] == "the Russian Federation"
    assert names["ALB", "en"]["formal_name"] == "the Republic of Albania"


def test_no_page_calls_a_state_by_a_colloquial_name(client):
    colloquial = ("North Korea", "South Korea", "Congo - Kinshasa", "Congo - Brazzaville")
    colloquial += ("Russia<", "Russia ", "Russia,")
    pages = [
        "/states/",
        "/states/PRK/",
        "/states/KOR/",
        "/states/COD/",
        "/states/RUS/",
        "/participation/?on=2014-07-10",
        "/participation/?on=2014-07-10&format=csv",
        "/instruments/financing-1999/status/?on=2014-07-10",
        "/api/v1/states",
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        body = response.content.decode()
        for name in colloquial:
            assert name not in body, (page, name)
    matrix = client.get("/participation/?on=2014-07-10").content.decode()
    assert "Democratic People&#x27;s Republic of Korea" in matrix and "Russian Federation" in matrix


def test_the_state_page_shows_the_formal_names_and_their_sources(client):
    body = client.get("/fr/states/RUS/").content.decode()
    assert "la Fédération de Russie" in body and "Российская Федерация" in body
    assert "Standard country or area codes for statistical use (M49)" in body
    assert "UNTERM" in body and "https://unstats.un.org/unsd/methodology/m49/overview/" in body


def test_a_formal_name_the_sources_lack_is_shown_as_missing(client):
    # The UNTERM copy predates the name Türkiye; its formal names are a visible gap.
    assert State.objects.get(iso3="TUR").formal_names == {}
    body = client.get("/states/TUR/").content.decode()
    assert body.count("missing from the UN sources") == 6


def position(shown: list[tuple[str, str]], name: str) -> int:
    return [n for _, n in shown].index(name)


def test_french_sorts_cote_divoire_among_the_cs(client):
    shown = listed(client, "fr")
    at = position(shown, "Côte d’Ivoire")
    assert position(shown, "Colombie") < at and position(shown, "Comores") < at
    assert at < position(shown, "Croatie") < position(shown, "Cuba")


def test_english_sorts_turkiye_among_the_ts(client):
    shown = listed(client, "en")
    at = position(shown, "Türkiye")
    assert position(shown, "Tunisia") < at < position(shown, "Turkmenistan") < position(shown, "Tuvalu")


def test_chinese_sorts_by_pinyin(client):
    shown = listed(client, "zh")
    # a'erbaniya, baxi, zhili, zhongguo: in code points 中 (U+4E2D) would come first.
    assert position(shown, "阿尔巴尼亚") < position(shown, "巴西") < position(shown, "智利")
    assert position(shown, "智利") < position(shown, "中国")
    assert shown[0][1].startswith("阿")


def test_the_participation_matrix_and_the_region_select_follow_the_language(client):
    body = client.get("/fr/participation/?on=2014-07-10&region=002").content.decode()
    assert body.index("Côte d’Ivoire") < body.index("Djibouti")  # C before D, not after Z
    body = client.get("/es/states/").content.decode()
    select = body.split('name="region"')[1].split("</select>")[0]
    regions = re.findall(r'<option value="\d{3}"[^>]*>([^<]+)</option>', select)
    assert regions == ["África", "Américas", "Asia", "Europa", "Oceanía"]


def _copy_with(settings, tmp_path, transform):
    copy = tmp_path / "reference"
    shutil.copytree(settings.REFERENCE_DIR, copy)
    target = copy / "state_names.csv"
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    target.write_text("".join(transform(lines)), encoding="utf-8")
    settings.REFERENCE_DIR = copy


def test_the_loader_refuses_a_names_file_missing_a_state_and_changes_nothing(settings, tmp_path):
    def drop_niue_and_rename_afghanistan(lines):
        for line in lines:
            if line.startswith("NIU,"):
                continue
            yield line.replace("AFG,en,Afghanistan,", "AFG,en,Edited,")

    _copy_with(settings, tmp_path, drop_niue_and_rename_afghanistan)
    with pytest.raises(CommandError, match=r"state_names.csv: NIU has no English UN short name"):
        call_command("load_reference", verbosity=0)
    assert State.objects.get(iso3="AFG").name("en") == "Afghanistan"
    assert State.objects.get(iso3="NIU").name("en") == "Niue"


def test_the_loader_refuses_an_unknown_source_key(settings, tmp_path):
    _copy_with(
        settings, tmp_path, lambda lines: [*lines[:-1], lines[-1].replace(",unsd-m49,", ",wikipedia,")]
    )
    with pytest.raises(CommandError, match=r"'wikipedia' is not a registered source"):
        call_command("load_reference", verbosity=0)


def test_a_language_without_a_un_name_falls_back_to_english_marked_as_english(settings, tmp_path, client):
    _copy_with(settings, tmp_path, lambda lines: [line for line in lines if not line.startswith("NIU,fr,")])
    call_command("load_reference", verbosity=0)
    niue = State.objects.get(iso3="NIU")
    assert "fr" not in niue.names and niue.name("fr") == "Niue"
    body = client.get("/fr/states/NIU/").content.decode()
    assert '<h1><span lang="en" dir="ltr">Niue</span></h1>' in body
