"""Full-text search over provisions (legislation.search), on SQLite FTS5 and PostgreSQL.

Texts marked "TEST TEXT" were written for these tests; the others are extracts of the files
in the project's legislation corpus (PRC Criminal Law and its amendments, Anti-Money Laundering
Law 2006, Code pénal, Criminal Code of Canada, StGB), with their article numbers; lists inside
the Canadian and German sections are run together or left out (…).
"""

import datetime
import re

import pytest

from legislation.models import Law, LawVersion, Provision
from legislation.search import (
    SearchHit,
    index_provisions,
    reindex_all,
    remove_provisions,
    search,
    tokenize,
    total_is_exact,
)
from legislation.search.query import parse_query
from legislation.search.snippets import snippet_html
from states.models import State

D = datetime.date

# PRC Criminal Law, art. 120 and 120-1 as amended by Amendment IX (2015), 120-2.
ZH_120 = (
    "组织、领导恐怖活动组织的，处十年以上有期徒刑或者无期徒刑，并处没收财产；积极参加的，处三年以上十年以下"
    "有期徒刑，并处罚金；其他参加的，处三年以下有期徒刑、拘役、管制或者剥夺政治权利，可以并处罚金。\n\n"
    "犯前款罪并实施杀人、爆炸、绑架等犯罪的，依照数罪并罚的规定处罚。"
)
ZH_120_1 = (
    "资助恐怖活动组织、实施恐怖活动的个人的，或者资助恐怖活动培训的，处五年以下有期徒刑、拘役、管制或者剥夺"
    "政治权利，并处罚金；情节严重的，处五年以上有期徒刑，并处罚金或者没收财产。\n\n"
    "为恐怖活动组织、实施恐怖活动或者恐怖活动培训招募、运送人员的，依照前款的规定处罚。\n\n"
    "单位犯前两款罪的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员，依照第一款的规定处罚。"
)
# Art. 120-1 as added by Amendment III (2001), before Amendment IX.
ZH_120_1_2001 = (
    "资助恐怖活动组织或者实施恐怖活动的个人的，处五年以下有期徒刑、拘役、管制或者剥夺政治权利，并处罚金；"
    "情节严重的，处五年以上有期徒刑，并处罚金或者没收财产。"
)
ZH_120_2 = (
    "有下列情形之一的，处五年以下有期徒刑、拘役、管制或者剥夺政治权利，并处罚金；情节严重的，处五年以上"
    "有期徒刑，并处罚金或者没收财产：\n\n（一）为实施恐怖活动准备凶器、危险物品或者其他工具的；\n\n"
    "（二）组织恐怖活动培训或者积极参加恐怖活动培训的；"
)
# Amendment IX (2015), item 6: the new text of art. 120-1 inside the amending sentence.
ZH_AMENDMENT_9_ITEM_6 = (
    "将刑法第一百二十条之一修改为:“资助恐怖活动组织、实施恐怖活动的个人的，或者资助恐怖活动培训的，处五年"
    "以下有期徒刑、拘役、管制或者剥夺政治权利，并处罚金；情节严重的，处五年以上有期徒刑，并处罚金或者没收"
    "财产。\n\n“为恐怖活动组织、实施恐怖活动或者恐怖活动培训招募、运送人员的，依照前款的规定处罚。\n\n"
    "“单位犯前两款罪的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员，依照第一款的规定处罚。”"
)
# Amendment III (2001), item 4, which added art. 120-1.
ZH_AMENDMENT_3_ITEM_4 = (
    "刑法第一百二十条后增加一条，作为第一百二十条之一：“资助恐怖活动组织或者实施恐怖活动的个人的，处五年以下"
    "有期徒刑、拘役、管制或者剥夺政治权利，并处罚金；情节严重的，处五年以上有期徒刑，并处罚金或者没收财产。"
    "\n\n“单位犯前款罪的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员，依照前款的规定处罚。”"
)
# Anti-Money Laundering Law 2006 (in force 2007-01-01, replaced on 2025-01-01), art. 36.
ZH_AML_36 = "对涉嫌恐怖活动资金的监控适用本法；其他法律另有规定的，适用其规定。"
FR_421_2_1 = (
    "Constitue également un acte de terrorisme le fait de participer à un groupement formé ou à une "
    "entente établie en vue de la préparation, caractérisée par un ou plusieurs faits matériels, "
    "d'un des actes de terrorisme mentionnés aux articles précédents."
)
FR_421_2_2 = (
    "Constitue également un acte de terrorisme le fait de financer une entreprise terroriste en "
    "fournissant, en réunissant ou en gérant des fonds, des valeurs ou des biens quelconques ou en "
    "donnant des conseils à cette fin, dans l'intention de voir ces fonds, valeurs ou biens utilisés "
    "ou en sachant qu'ils sont destinés à être utilisés, en tout ou partie, en vue de commettre l'un "
    "quelconque des actes de terrorisme prévus au présent chapitre, indépendamment de la survenance "
    "éventuelle d'un tel acte."
)
CA_83_01_X = (
    "(x) the offences referred to in subsection 7(3.73) that implement the International Convention "
    "for the Suppression of the Financing of Terrorism, adopted by the General Assembly of the "
    "United Nations on December 9, 1999, or"
)
CA_83_02 = (
    "Every person is guilty of an indictable offence and liable to imprisonment for a term of not "
    "more than 10 years who, directly or indirectly, wilfully and without lawful justification or "
    "excuse, provides or collects property intending that it be used or knowing that it will be "
    "used, in whole or in part, in order to carry out (a) an act or omission that constitutes an "
    "offence referred to in subparagraphs (a)(i) to (ix) of the definition of terrorist activity in "
    "subsection 83.01(1), or (b) any other act or omission intended to cause death or serious bodily "
    "harm to a civilian"
)
DE_89C = (
    "(1) Wer Vermögenswerte sammelt, entgegennimmt oder zur Verfügung stellt mit dem Wissen oder in "
    "der Absicht, dass diese von einer anderen Person zur Begehung eines Mordes (§ 211), eines "
    "Totschlags (§ 212), eines Völkermordes … verwendet werden sollen, wird mit Freiheitsstrafe von "
    "sechs Monaten bis zu zehn Jahren bestraft."
)
# TEST TEXT, written for these tests (not the text of any law).
RU_TEST = (
    "Финансирование терроризма наказывается лишением свободы на срок от восьми до пятнадцати лет. "
    "Лицо, добровольно сообщившее о финансировании, освобождается от уголовной ответственности."
)
RU_TEST_OTHER = "Захват заложника наказывается лишением свободы на срок от шести до пятнадцати лет."
AR_TEST = "يعاقب بالسجن المؤبد كل من قام بتمويل الإرهاب أو جمع أموال لصالح جماعة إرهابية."
AR_TEST_OTHER = "يعاقب بالسجن كل من احتجز رهينة أو هدد بقتلها."
ES_TEST = (
    "Será castigado con la pena de prisión de cinco a diez años el que financie actividades "
    "terroristas; la financiación del terrorismo se castigará aunque los fondos no lleguen a "
    "utilizarse."
)
ES_TEST_OTHER = "Será castigado con la pena de prisión el que tome rehenes."


def make_law(slug, iso3, language, kind, title, provisions, *, published=True, versions=None, **law_fields):
    """A law with one current version (or `versions`: [(valid_from, valid_to, provisions)])."""
    law = Law.objects.create(
        slug=slug,
        state=State.objects.get(iso3=iso3),
        kind=kind,
        title=title,
        language=language,
        source="test",
        published=published,
        **law_fields,
    )
    made = {}
    for valid_from, valid_to, items in versions or [(D(2000, 1, 1), None, provisions)]:
        version = LawVersion.objects.create(law=law, valid_from=valid_from, valid_to=valid_to, source="test")
        for position, (number, heading, text) in enumerate(items):
            made[(valid_from, number)] = Provision.objects.create(
                version=version,
                position=position,
                kind="article",
                number=number,
                heading=heading,
                text=text,
                eid=f"art_{position}",
            )
    return law, made


@pytest.fixture
def corpus(db):
    """The provisions of the test laws by key. Laws loaded before (the shipped reference
    laws) are unpublished for the test, so that only these are found."""
    Law.objects.update(published=False)
    p = {}
    _law, made = make_law(
        "test-search-chn-criminal-law",
        "CHN",
        "zh",
        "code",
        "中华人民共和国刑法",
        None,
        versions=[
            (D(2001, 12, 29), D(2015, 11, 1), [("第一百二十条之一", "", ZH_120_1_2001)]),
            (
                D(2015, 11, 1),
                None,
                [
                    ("第一百二十条", "", ZH_120),
                    ("第一百二十条之一", "", ZH_120_1),
                    ("第一百二十条之二", "", ZH_120_2),
                ],
            ),
        ],
    )
    p["zh-120-1-2001"] = made[(D(2001, 12, 29), "第一百二十条之一")]
    p.update(
        {
            f"zh-{n}": made[(D(2015, 11, 1), n)]
            for n in ("第一百二十条", "第一百二十条之一", "第一百二十条之二")
        }
    )
    for number, adopted, in_force, item, text in [
        ("3", D(2001, 12, 29), D(2001, 12, 29), "四", ZH_AMENDMENT_3_ITEM_4),
        ("9", D(2015, 8, 29), D(2015, 11, 1), "六", ZH_AMENDMENT_9_ITEM_6),
    ]:
        _law, made = make_law(
            f"test-search-chn-criminal-law-amendment-{number}",
            "CHN",
            "zh",
            "act",
            f"中华人民共和国刑法修正案（{number}）",
            None,
            versions=[(adopted, None, [(item, "", text)])],
            in_force_on=in_force,
        )
        p[f"zh-amendment-{number}"] = made[(adopted, item)]
    _law, made = make_law(
        "test-search-chn-aml-2006",
        "CHN",
        "zh",
        "act",
        "中华人民共和国反洗钱法",
        [("第三十六条", "", ZH_AML_36)],
        in_force_on=D(2007, 1, 1),
        repealed_on=D(2025, 1, 1),
    )
    p["zh-aml-36"] = made[(D(2000, 1, 1), "第三十六条")]
    _law, made = make_law(
        "test-search-fra-code-penal",
        "FRA",
        "fr",
        "code",
        "Code pénal",
        [("Article 421-2-1", "", FR_421_2_1), ("Article 421-2-2", "", FR_421_2_2)],
    )
    p["fr-421-2-1"], p["fr-421-2-2"] = (
        made[(D(2000, 1, 1), "Article 421-2-1")],
        made[(D(2000, 1, 1), "Article 421-2-2")],
    )
    _law, made = make_law(
        "test-search-can-criminal-code",
        "CAN",
        "en",
        "code",
        "Criminal Code",
        [
            ("83.01(1)(a)(x)", "", CA_83_01_X),
            ("83.02", "Providing or collecting property for certain activities", CA_83_02),
            ("TEST", "TEST TEXT", "<script>alert('x')</script> & a terrorist group <b>bold</b>"),
        ],
    )
    p["ca-83.01"], p["ca-83.02"], p["ca-script"] = (
        made[(D(2000, 1, 1), n)] for n in ("83.01(1)(a)(x)", "83.02", "TEST")
    )
    _law, made = make_law(
        "test-search-rus-test",
        "RUS",
        "ru",
        "act",
        "TEST TEXT",
        [("1", "", RU_TEST), ("2", "", RU_TEST_OTHER)],
    )
    p["ru"], p["ru-other"] = made[(D(2000, 1, 1), "1")], made[(D(2000, 1, 1), "2")]
    _law, made = make_law(
        "test-search-egy-test",
        "EGY",
        "ar",
        "act",
        "TEST TEXT",
        [("1", "", AR_TEST), ("2", "", AR_TEST_OTHER)],
    )
    p["ar"], p["ar-other"] = made[(D(2000, 1, 1), "1")], made[(D(2000, 1, 1), "2")]
    _law, made = make_law(
        "test-search-esp-test",
        "ESP",
        "es",
        "act",
        "TEST TEXT",
        [("1", "", ES_TEST), ("2", "", ES_TEST_OTHER)],
    )
    p["es"], p["es-other"] = made[(D(2000, 1, 1), "1")], made[(D(2000, 1, 1), "2")]
    _law, made = make_law(
        "test-search-deu-stgb",
        "DEU",
        "de",
        "code",
        "Strafgesetzbuch",
        [("§ 89c", "Terrorismusfinanzierung", DE_89C)],
        published=False,
    )
    p["de-89c"] = made[(D(2000, 1, 1), "§ 89c")]
    return p


def ids(result):
    total, hits = result
    assert total == len(hits)  # every test query has fewer hits than a page
    return [hit.provision_id for hit in hits]


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


# Snippets


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
