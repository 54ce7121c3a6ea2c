"""The laws the search tests read (tests/test_search.py, tests/test_search_snippets.py).

Texts marked "TEST TEXT" were written for these tests; the others are extracts of the files
in the project's legislation corpus (PRC Criminal Law and its amendments, Anti-Money Laundering
Law 2006, Code pénal, Criminal Code of Canada, StGB), with their article numbers; lists inside
the Canadian and German sections are run together or left out (…).
"""

import datetime

import pytest

from legislation.models import Law, LawVersion, Provision
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
