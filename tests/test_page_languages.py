"""Every public page in each of the six languages shows no text in another language except
where an element marks it with its own `lang` (tests/page_language.py says what counts)."""

import pytest

from tests.page_language import foreign_text, unmarked_text

pytestmark = pytest.mark.django_db

PREFIXES = {"ar": "/ar", "zh": "/zh-hans", "en": "", "fr": "/fr", "ru": "/ru", "es": "/es"}
PAGES = [
    "/",
    "/instruments/",
    "/instruments/financing-1999/",
    "/instruments/tokyo-1963/",
    "/instruments/financing-1999/status/",
    "/instruments/financing-1999/obligations/",
    "/states/",
    "/states/CHN/",
    "/states/FRA/",
    "/participation/",
    "/laws/search/?q=%E6%81%90%E6%80%96",
    "/laws/search/?q=terrorism",
    "/cooperation/legal-basis/?requesting=FRA&requested=CHN&offence=terrorist-financing&on=2010-01-01",
    "/cooperation/authorities/",
    "/laws/",
    "/laws/cn-criminal-law/",
    "/laws/fr-code-penal-titre-ii/title_II__chp_I__art_421-2-2/",
    "/funding/contributions/?from=2004-01-01&to=2004-12-31",
    "/reports/profiles/FRA/",
    "/reports/profiles/CHN/",
    "/strategy/",
    "/strategy/projects/",
    "/questionnaires/",
    "/questionnaires/58-136-links-terrorism-crime/",
    "/questionnaires/58-136-links-terrorism-crime/summary/",
    "/questionnaires/58-136-links-terrorism-crime/replies/",
]


@pytest.mark.parametrize("language", PREFIXES)
@pytest.mark.parametrize("page", PAGES)
def test_a_page_speaks_its_readers_language(client, language, page):
    response = client.get(PREFIXES[language] + page)
    assert response.status_code == 200
    body = response.content.decode()
    assert unmarked_text(body)  # the check reads the page's text
    assert foreign_text(body) == []


def test_the_check_sees_english_left_on_a_french_page():
    page = '<html lang="fr"><body><p>Les États parties</p><p>{}</p></body></html>'
    assert foreign_text(page.format("Democratic Republic of the Congo")) == [
        "Democratic Republic of the Congo"
    ]
    assert foreign_text(page.format('<span lang="en">Secretary-General of the United Nations</span>')) == []


def test_the_check_sees_latin_words_on_an_arabic_page_but_not_marked_or_code():
    page = '<html lang="ar" dir="rtl"><body><p>الدول الأطراف</p>{}</body></html>'
    assert foreign_text(page.format("<p>parties</p>")) == ["parties"]
    assert foreign_text(page.format('<p lang="en" dir="ltr">parties</p><code>ctassist import</code>')) == []
    assert foreign_text(page.format("<p>ICAO, ISO3, ctassist</p>")) == []


# Pages for staff, on the shipped records: what a staff member reads in each language.
STAFF_PAGES = [
    "/reports/dashboard/",
    "/reports/strategy-balance/",
    "/reports/drafts/",
    "/reports/drafts/new/",
    "/questionnaires/58-136-links-terrorism-crime/replies/",
]


@pytest.mark.parametrize("language", PREFIXES)
@pytest.mark.parametrize("page", STAFF_PAGES)
def test_a_staff_page_speaks_its_readers_language(client, staff_user, language, page):
    client.force_login(staff_user)
    response = client.get(PREFIXES[language] + page)
    assert response.status_code == 200
    body = response.content.decode()
    assert unmarked_text(body)
    assert foreign_text(body) == []
