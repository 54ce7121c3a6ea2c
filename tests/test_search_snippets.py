"""The snippets of the search's hits (legislation.search.snippets), on the laws of
tests/search_corpus.py: cut around the first match, its words marked, the text escaped."""

import re

from legislation.models import Law
from legislation.search import SearchHit, search
from legislation.search.query import parse_query
from legislation.search.snippets import snippet_html
from tests import search_corpus

corpus = search_corpus.corpus  # the fixture


def test_hits_and_snippets(corpus):
    _total, hits = search("资助恐怖活动")
    hit = hits[0]
    assert isinstance(hit, SearchHit)
    assert hit.law_id == Law.objects.get(slug="test-search-chn-criminal-law").id
    assert hit.snippet_html.startswith("<mark>资助恐怖活动</mark>组织、实施<mark>恐怖活动</mark>的个人的")
    assert len(re.sub(r"</?mark>", "", hit.snippet_html)) <= 210

    _total, hits = search("financement du terrorisme", state="FRA")
    assert (
        "<mark>financer</mark>" in hits[0].snippet_html and "<mark>terrorisme</mark>" in hits[0].snippet_html
    )
    assert "<mark>du</mark>" not in hits[0].snippet_html
    assert hits[0].snippet_html.endswith("des…")  # about 200 characters, cut between words
    _total, hits = search("financiación", state="ESP")
    assert (
        "<mark>financie</mark>" in hits[0].snippet_html
        and "<mark>financiación</mark>" in hits[0].snippet_html
    )

    _total, hits = search("Финансирование")
    assert (
        "<mark>Финансирование</mark>" in hits[0].snippet_html
        and "<mark>финансировании</mark>" in hits[0].snippet_html
    )


def test_snippet_is_cut_around_the_first_match():
    text = "TEST TEXT " + "word " * 100 + "terrorism " + "word " * 100
    html = snippet_html("Heading", text, "en", parse_query("terrorism").terms)
    assert html.startswith("…word ") and html.endswith(" word…")
    assert html.count("<mark>terrorism</mark>") == 1
    assert 170 <= len(html.replace("<mark>", "").replace("</mark>", "")) <= 210


def test_snippets_escape_html(corpus):
    _total, hits = search("terrorist group", language="en")
    assert [hit.provision_id for hit in hits] == [corpus["ca-script"].id]
    html = hits[0].snippet_html
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<mark>terrorist</mark> <mark>group</mark>" in html
    assert "&amp;" in html
