"""An Arabic reader's pages keep the direction of every fragment in another language.

The browser computes each element's direction: the page runs right to left, and a Chinese
law title or an English clause inside it runs left to right, so its punctuation stays in place.
"""

import pytest

pytestmark = pytest.mark.browser

DIRECTIONS = """() => Array.from(document.querySelectorAll('main [lang]')).map(element => ({
    lang: element.getAttribute('lang'),
    direction: getComputedStyle(element).direction,
    text: element.textContent.trim().slice(0, 40),
}))"""


def fragments(page, path):
    page.goto(path)
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    return [item for item in page.evaluate(DIRECTIONS) if item["text"]]


def test_foreign_fragments_on_arabic_pages_run_left_to_right(page):
    found = fragments(page, "/ar/laws/search/?q=资助恐怖活动")
    chinese = [item for item in found if item["lang"].startswith("zh")]
    assert chinese, "the search finds Chinese provisions"
    assert {item["direction"] for item in chinese} == {"ltr"}

    for path in (
        "/ar/instruments/tokyo-1963/",
        "/ar/states/CHN/",
        "/ar/instruments/financing-1999/obligations/",
    ):
        found = fragments(page, path)
        foreign = [item for item in found if not item["lang"].startswith("ar")]
        if path.startswith("/ar/instruments/tokyo"):
            assert foreign, "the clause of entry into force has no authentic Arabic text shipped"
        assert all(item["direction"] == "ltr" for item in foreign), (path, foreign)
        arabic = [item for item in found if item["lang"].startswith("ar")]
        assert all(item["direction"] == "rtl" for item in arabic), (path, arabic)
