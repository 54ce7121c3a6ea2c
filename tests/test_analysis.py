"""The language analysis of the search index (thesaurus.analysis): the tokenizers of each
language, queries read without their language (legislation.search.query), and the terms made
in worker processes for a large import (legislation.search.workers)."""

import pytest

from legislation.search.query import parse_query
from thesaurus.analysis import tokenize

# Tokenizers


def test_tokenize_chinese_with_jieba_search_mode():
    tokens = tokenize("资助恐怖活动组织", "zh")
    assert {"资助", "恐怖", "活动", "恐怖活动", "组织"} <= set(tokens)


def test_tokenize_folds_stems_and_strips_accents():
    assert tokenize("Financement du TERRORISME", "fr") == ["financ", "du", "terror"]
    assert tokenize("Ｆｉｎａｎｃｉｎｇ activities", "en") == ["financ", "activ"]
    assert tokenize("résumé", "fr") == tokenize("resume", "fr")
    assert tokenize("Terrorismusfinanzierung Straße", "de") == ["terrorismusfinanzier", "strass"]
    assert tokenize("финансирование терроризма", "ru") == ["финансирован", "терроризм"]
    assert tokenize("تَمْوِيل الإرهاب", "ar") == tokenize("تمويل الإرهاب", "ar")
    assert tokenize("l'article 421-2-2", "xx") == ["l", "article", "421", "2", "2"]


def test_queries_need_no_language():
    query = parse_query("financement du terrorisme")
    assert len(query.groups) == 2  # "du" is a French function word
    assert {"financ", "financement"} <= query.groups[0]
    chinese = parse_query("资助恐怖活动")
    assert [set(group) for group in chinese.groups] == [{"资助"}, {"恐怖"}, {"活动"}]
    assert "恐怖活动" in chinese.terms


def test_terms_made_in_worker_processes_are_those_made_here():
    from legislation.search.workers import WORKERS, Terms, _terms_of

    items = [(f"第{n}条 资助恐怖活动组织的，处五年以下有期徒刑 (TEST TEXT {n})", "zh") for n in range(1_100)]
    items += [(f"Financing of terrorist activity, section {n} (TEST TEXT)", "en") for n in range(100)]
    terms = Terms(items)
    assert (terms._pool is not None) == (WORKERS > 1)
    assert list(terms) == _terms_of(" ".join, items)
    assert list(Terms(items[:10])) == _terms_of(" ".join, items[:10])  # small batches stay here
    assert list(Terms([("", "en"), ("Terrorist", "en")])) == [None, "terrorist"]


def test_worker_processes_stop_when_the_caller_gives_up():
    import multiprocessing
    import threading

    from legislation.search.workers import Terms

    threads = threading.active_count()
    terms = Terms([(f"TEST TEXT {n} financing of terrorism", "en") for n in range(2_000)])
    if terms._pool is None:
        pytest.skip("no worker processes here (one core, or other threads running)")
    workers = multiprocessing.active_children()
    assert next(iter(terms)) == "test text 0 financ of terror"
    terms.close()  # as contextlib.closing does when a write fails after the first batch
    assert workers and not any(worker.is_alive() for worker in workers)
    assert threading.active_count() == threads  # the pool's threads are gone too
