"""Full-text search over provisions (legislation.search), on SQLite FTS5 and PostgreSQL: finding
in every language, the filters, the index following edits, pages and totals. The laws searched
are those of tests/search_corpus.py; the analyzers are tested in tests/test_analysis.py, the
snippets in tests/test_search_snippets.py.
"""

import pytest

from legislation.models import Law, LawVersion, Provision
from legislation.search import (
    index_provisions,
    reindex_all,
    remove_provisions,
    search,
    total_is_exact,
)
from tests import search_corpus
from tests.search_corpus import D, ids

corpus = search_corpus.corpus  # the fixture

# Finding, in every language


def test_chinese_query_finds_article_120_1_first(corpus):
    found = ids(search("资助恐怖活动"))
    # The amending acts quote the article, with a sentence around (IX) or an older, shorter text (III).
    assert found == [corpus[key].id for key in ("zh-第一百二十条之一", "zh-amendment-9", "zh-amendment-3")]
    assert corpus["zh-第一百二十条"].id not in found  # all jieba tokens are required
    assert corpus["zh-120-1-2001"].id not in found  # not the current version


def test_french_query_finds_421_2_2(corpus):
    found = ids(search("financement du terrorisme"))
    # Latin-script words are stemmed as en, fr, es and de at once: the French query also finds
    # the Canadian definition that names the Financing of Terrorism Convention.
    assert set(found) == {corpus["fr-421-2-2"].id, corpus["ca-83.01"].id}
    assert ids(search("financement du terrorisme", language="fr")) == [corpus["fr-421-2-2"].id]
    assert ids(search("FINANCEMENT TERRORISME", language="fr")) == [corpus["fr-421-2-2"].id]
    assert corpus["fr-421-2-1"].id in ids(search("terrorisme"))


def test_english_queries_find_canadian_sections(corpus):
    assert corpus["ca-83.01"].id in ids(search("financing of terrorism"))
    assert ids(search("financing of terrorism", language="en")) == [corpus["ca-83.01"].id]
    found = ids(search("terrorist activity"))
    assert corpus["ca-83.02"].id in found
    assert corpus["ca-83.01"].id not in found


@pytest.mark.parametrize(
    ("key", "one_word", "two_words"),
    [
        ("ru", "терроризма", "финансирование терроризма"),
        ("ar", "الإرهاب", "تمويل الإرهاب"),
        ("es", "terrorismo", "financiación del terrorismo"),
        ("de-89c", "Terrorismusfinanzierung", "Vermogenswerte sammelt"),
    ],
)
def test_one_and_two_word_queries(corpus, key, one_word, two_words):
    published_only = key != "de-89c"
    for q in (one_word, two_words):
        found = ids(search(q, published_only=published_only))
        assert corpus[key].id in found, q
        assert corpus[f"{key}-other"].id not in found if f"{key}-other" in corpus else True


def test_every_word_must_match(corpus):
    assert ids(search("terrorisme hélicoptère")) == []
    assert search("") == (0, [])
    assert search("   ,;  ") == (0, [])


# Filters


def test_state_filter(corpus):
    assert ids(search("terrorist activity", state="CAN")) == [corpus["ca-83.02"].id]
    assert ids(search("terrorist activity", state="FRA")) == []
    assert ids(search("terrorist activity", state="can")) == [corpus["ca-83.02"].id]


def test_region_filter(corpus):
    assert ids(search("financement terrorisme", region="150")) == [corpus["fr-421-2-2"].id]  # Europe
    assert ids(search("financement terrorisme", region="155")) == [corpus["fr-421-2-2"].id]  # Western Europe
    assert ids(search("financement terrorisme", region="019")) == [corpus["ca-83.01"].id]  # Americas
    assert ids(search("financement terrorisme", region="021")) == [corpus["ca-83.01"].id]  # Northern America
    assert ids(search("financement terrorisme", region="142")) == []  # Asia
    assert corpus["zh-第一百二十条之一"].id in ids(search("资助恐怖活动", region="030"))  # Eastern Asia


def test_language_filter(corpus):
    french, english = corpus["fr-421-2-2"].id, corpus["ca-83.01"].id
    assert set(ids(search("financing terrorism"))) == {french, english}
    assert ids(search("financing terrorism", language="fr")) == [french]
    assert ids(search("financing terrorism", language="en")) == [english]
    assert ids(search("资助恐怖活动", language="en")) == []
    assert corpus["zh-第一百二十条之一"].id in ids(search("资助恐怖活动", language="zh-hans"))


def test_kind_filter(corpus):
    assert ids(search("资助恐怖活动", kind="act")) == [
        corpus["zh-amendment-9"].id,
        corpus["zh-amendment-3"].id,
    ]
    assert corpus["zh-amendment-9"].id not in ids(search("资助恐怖活动", kind="code"))


def test_in_force_on_picks_the_version_and_the_law(corpus):
    assert ids(search("资助恐怖活动", in_force_on=D(2010, 1, 1), kind="code")) == [corpus["zh-120-1-2001"].id]
    assert ids(search("资助恐怖活动", in_force_on=D(2020, 1, 1), kind="code")) == [
        corpus["zh-第一百二十条之一"].id
    ]
    assert ids(search("资助恐怖活动", in_force_on=D(2010, 1, 1), kind="act")) == [corpus["zh-amendment-3"].id]
    assert ids(search("恐怖活动培训", in_force_on=D(2010, 1, 1))) == []
    assert len(ids(search("恐怖活动培训", in_force_on=D(2016, 1, 1)))) == 3  # 120-1, 120-2, amendment IX
    # The 2006 law applies from 2007-01-01 until 2025-01-01.
    aml = corpus["zh-aml-36"].id
    assert ids(search("恐怖活动资金")) == [aml]
    assert ids(search("恐怖活动资金", in_force_on=D(2020, 1, 1))) == [aml]
    assert ids(search("恐怖活动资金", in_force_on=D(2006, 12, 31))) == []
    assert ids(search("恐怖活动资金", in_force_on=D(2025, 1, 1))) == []


def test_unpublished_laws_are_not_found(corpus):
    assert search("Terrorismusfinanzierung") == (0, [])
    assert corpus["de-89c"].id in ids(search("Terrorismusfinanzierung", published_only=False))


# The index follows edits


def test_edit_changes_results(corpus):
    provision = corpus["es-other"]
    assert corpus["es-other"].id not in ids(search("terrorismo"))
    provision.text = "Será castigado el que colabore con organizaciones dedicadas al terrorismo."
    provision.save()
    assert provision.id in ids(search("terrorismo"))
    assert provision.id not in ids(search("rehenes"))


def test_deleted_provisions_and_laws_disappear(corpus):
    corpus["fr-421-2-2"].delete()
    assert search("financement du terrorisme", state="FRA") == (0, [])
    Law.objects.get(slug="test-search-rus-test").delete()
    assert search("терроризма") == (0, [])


def test_bulk_created_provisions_are_indexed_by_the_caller(corpus):
    version = corpus["ca-83.02"].version
    made = Provision.objects.bulk_create(
        Provision(
            version=version,
            position=100 + n,
            kind="article",
            number=f"B{n}",
            text=f"TEST TEXT quokka {n}",
            eid=f"b{n}",
        )
        for n in range(3)
    )
    assert search("quokka") == (0, [])
    index_provisions(provision.id for provision in made)
    assert sorted(ids(search("quokka"))) == sorted(p.id for p in made)
    remove_provisions([made[0].id])
    assert sorted(ids(search("quokka"))) == sorted(p.id for p in made[1:])
    assert reindex_all() == Provision.objects.count()
    assert sorted(ids(search("quokka"))) == sorted(p.id for p in made)


def test_reindex_search_command_rebuilds_the_index(corpus):
    import io

    from django.core.management import call_command

    version = corpus["ca-83.02"].version
    made = Provision.objects.bulk_create(
        [
            Provision(
                version=version, position=200, kind="article", number="W1", text="TEST TEXT wombat", eid="w1"
            )
        ]
    )
    assert search("wombat") == (0, [])
    out = io.StringIO()
    call_command("reindex_search", stdout=out)
    assert out.getvalue().strip() == f"Indexed {Provision.objects.count():,} provisions."
    assert ids(search("wombat")) == [made[0].id]
    assert ids(search("资助恐怖活动"))[0] == corpus["zh-第一百二十条之一"].id


def test_pages_and_totals(corpus):
    total, hits = search("恐怖活动", limit=2)
    assert total >= 4 and len(hits) == 2
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    _total, rest = search("恐怖活动", limit=100, offset=2)
    assert len(rest) == total - 2
    assert not {hit.provision_id for hit in hits} & {hit.provision_id for hit in rest}
    assert search("恐怖活动", offset=total) == (total, [])


def test_a_very_common_word_is_ranked_among_its_newest_matches(corpus, monkeypatch):
    import legislation.search

    version = corpus["ca-83.02"].version
    made = Provision.objects.bulk_create(
        Provision(
            version=version,
            position=200 + n,
            kind="article",
            number=f"W{n}",
            # The oldest ones say "wombat" three times: they would rank first.
            text="TEST TEXT wombat" + (" wombat wombat" if n < 3 else f" and other words {n}"),
            eid=f"w{n}",
        )
        for n in range(8)
    )
    index_provisions(provision.id for provision in made)
    total, hits = search("wombat", limit=20)
    assert total == 8 and {hit.provision_id for hit in hits[:3]} == {p.id for p in made[:3]}

    monkeypatch.setattr(legislation.search, "RANK_WINDOW", 4)
    total, hits = search("wombat", limit=20)
    assert total == 5 and not total_is_exact(total)  # "more than 4"
    assert sorted(hit.provision_id for hit in hits) == sorted(p.id for p in made[4:])  # the newest 4
    assert total_is_exact(search("wombat", window=10)[0], window=10)
    assert search("wombat", offset=4) == (5, [])  # pages stop at the window
    total, hits = search("wombat", language="fr")  # the filters apply before the window
    assert (total, hits) == (0, [])


def test_the_page_and_the_api_say_more_than_the_window(corpus, client, monkeypatch):
    import legislation.search

    monkeypatch.setattr(legislation.search, "RANK_WINDOW", 2)
    body = client.get("/api/v1/search", {"q": "恐怖活动", "across_languages": "false"}).json()
    assert (body["total"], body["total_is_exact"], len(body["hits"])) == (3, False, 2)
    page = client.get("/laws/search/", {"q": "恐怖活动"}).content.decode()
    assert "More than 2 provisions found" in page
    monkeypatch.setattr(legislation.search, "RANK_WINDOW", 10_000)
    assert client.get("/api/v1/search", {"q": "恐怖活动"}).json()["total_is_exact"] is True


def test_the_index_knows_each_provision_version_after_bulk_writes_and_moves(corpus):
    old = corpus["ca-83.02"].version
    newer = LawVersion.objects.create(law=old.law, valid_from=D(2030, 1, 1))
    moved = corpus["ca-83.02"]
    Provision.objects.filter(id=moved.id).update(version=newer)  # no signal; the index follows
    newer.valid_to = None
    LawVersion.objects.filter(id=old.id).update(valid_to=D(2030, 1, 1))
    assert moved.id in ids(search("indictable", in_force_on=D(2031, 1, 1), state="CAN"))
    assert moved.id not in ids(search("indictable", in_force_on=D(2020, 1, 1), state="CAN"))
