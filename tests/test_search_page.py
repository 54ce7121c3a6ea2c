"""The search page as a reader sees it: the count, pages of 50, provisions numbered in full."""

import re

import pytest

pytestmark = pytest.mark.django_db


def ranks_and_links(body):
    results = body.split('<ol class="results"', 1)[1].split("</ol>", 1)[0]
    start = int(re.search(r'start="(\d+)"', results).group(1))
    return start, re.findall(r'href="(/laws/[^"]+/)"', results)


def test_results_come_in_pages_of_fifty_with_the_count(client):
    first = client.get("/laws/search/", {"q": "恐怖"}).content.decode()
    total = int(re.search(r"(\d+) provisions found", first).group(1))
    assert total > 100  # the shipped Chinese laws
    pages = -(-total // 50)
    assert f"page 1 of {pages}" in first
    start, links = ranks_and_links(first)
    assert start == 1 and len(links) == 50

    second = client.get("/laws/search/", {"q": "恐怖", "page": 2}).content.decode()
    assert f"page 2 of {pages}" in second
    start, more = ranks_and_links(second)
    assert start == 51 and len(more) == 50
    assert not set(links) & set(more)
    assert 'rel="prev"' in second and "page=3" in second

    last = client.get("/laws/search/", {"q": "恐怖", "page": pages}).content.decode()
    _start, rest = ranks_and_links(last)
    assert len(rest) == total - 50 * (pages - 1)
    assert 'rel="next"' not in last


def test_a_nonsense_page_number_shows_the_first_page(client):
    body = client.get("/laws/search/", {"q": "恐怖", "page": "x"}).content.decode()
    assert ranks_and_links(body)[0] == 1


def test_a_subsection_is_numbered_in_full(client):
    body = client.get("/laws/search/", {"q": "terrorist", "state": "CAN"}).content.decode()
    numbers = re.findall(r'dir="ltr">(\S+) ', body)
    assert "83.18(1)" in numbers
    assert not [number for number in numbers if number.startswith("(")]


def test_hits_carry_the_language_and_direction_of_their_law(client):
    body = client.get("/ar/laws/search/", {"q": "资助恐怖活动"}).content.decode()
    assert 'class="snippet" lang="zh" dir="ltr"' in body
    assert '<span lang="zh" dir="ltr">中华人民共和国刑法' in body
