"""Segmentation of laws into trees of provisions (legislation.segmentation): every shipped law against
its golden file, each language on a short sample, the errors, the eIds and the speed. No database.

The golden files (tests/golden/segmentation/<file stem>.json) hold the counts per kind, a few
(eid, number, heading prefix) triples checked by hand against the source, and a digest of the
whole tree. After an intended change, refresh counts and digests (the triples are kept, and
still checked) with `python -m tests.test_segmentation --update`, then review the diff.
"""

import hashlib
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from legislation.document import ParsedLaw, SegmentationError
from legislation.segmentation import segment

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "segmentation"
EID = re.compile(r"^[A-Za-z0-9_.-]+$")


SHIPPED = REPO / "data" / "legislation"


def law_directory() -> Path | None:
    """The shipped laws (data/legislation), else $CTASSIST_LEGISLATION_DIR or the research folder
    they were copied from."""
    candidates = [
        SHIPPED,
        os.environ.get("CTASSIST_LEGISLATION_DIR", ""),
        REPO.parent / "shared/data/legislation",
    ]
    return next((Path(c) for c in candidates if c and Path(c).is_dir()), None)


LAWS = law_directory()
GOLDEN_FILES = sorted(GOLDEN.glob("*.json"))
needs_laws = pytest.mark.skipif(LAWS is None, reason="the shipped law files are not on this machine")


def load_golden(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def segment_file(golden: dict) -> ParsedLaw:
    return segment((LAWS / golden["source"]).read_text(encoding="utf-8"), golden["language"])


def counts(law: ParsedLaw) -> dict[str, int]:
    return dict(sorted(Counter(provision.kind for provision in law.walk()).items()))


def digest(law: ParsedLaw) -> str:
    rows = [[law.title, law.preamble]]
    rows += [[p.eid, p.kind, p.number, p.heading, p.line, p.text] for p in law.walk()]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()


def find(law: ParsedLaw, eid: str):
    return next((provision for provision in law.walk() if provision.eid == eid), None)


# --- every shipped law against its golden file ------------------------------------------------


def test_a_golden_file_for_every_shipped_law():
    assert len(GOLDEN_FILES) == 20  # cn 12, ca 4, de, fr, in, uk
    sources = {load_golden(path)["source"] for path in GOLDEN_FILES}
    if LAWS is not None:
        files = {path.relative_to(LAWS).as_posix() for path in LAWS.rglob("*.md") if path.name != "README.md"}
        assert sources <= files
        if LAWS == SHIPPED:
            assert sources == files


@needs_laws
@pytest.mark.parametrize("golden_path", GOLDEN_FILES, ids=lambda path: path.stem)
def test_shipped_law_matches_its_golden_file(golden_path):
    golden = load_golden(golden_path)
    law = segment_file(golden)
    assert law.title == golden["title"]
    assert counts(law) == golden["counts"]
    for eid, number, heading in golden["provisions"]:
        provision = find(law, eid)
        assert provision is not None, f"{eid} is missing"
        assert provision.number == number
        assert provision.heading.startswith(heading), (eid, provision.heading)
    assert digest(law) == golden["digest"], "the tree or a text changed: see the module docstring"


@needs_laws
@pytest.mark.parametrize("golden_path", GOLDEN_FILES, ids=lambda path: path.stem)
def test_eids_are_unique_and_well_formed(golden_path):
    law = segment_file(load_golden(golden_path))
    eids = [provision.eid for provision in law.walk()]
    assert len(eids) == len(set(eids))
    assert all(EID.match(eid) for eid in eids)
    for provision in law.walk():  # an eId is its parent's path plus its own part
        for child in provision.children:
            assert child.eid.startswith(provision.eid + "__")


@needs_laws
def test_the_labels_named_in_the_specification():
    def labels(source, language):
        law = segment((LAWS / source).read_text(encoding="utf-8"), language)
        return {provision.number: provision for provision in law.walk()}

    criminal_law = labels("cn/cn_criminal_law.zh.md", "zh")
    assert criminal_law["第一百二十条之一"].eid == "part_2__chp_2__art_120-1"
    assert criminal_law["第一百二十条之一"].text.startswith("资助恐怖活动组织")
    code_penal = labels("fr/fr_code_penal_titre_ii_terrorisme.fr.md", "fr")
    assert code_penal["421-2-2"].eid == "title_II__chp_I__art_421-2-2"
    stgb = labels("de/de_stgb_terrorism_extracts.de.md", "de")
    assert stgb["§ 89a"].heading == "Vorbereitung einer schweren staatsgefährdenden Gewalttat"
    assert stgb["§ 129a"].heading == "Bildung terroristischer Vereinigungen"
    canada = labels("ca/ca_criminal_code_part_II.1_terrorism.en.md", "en")
    assert canada["83.02"].heading == "Providing or collecting property for certain activities"
    assert canada["83.03"].eid.endswith("sec_83.03")
    assert [child.number for child in canada["83.03"].children] == ["(1)", "(2)", "(3)", "(4)"]


@needs_laws
def test_article_text_keeps_its_line_breaks_and_items():
    law = segment((LAWS / "cn/cn_counter_terrorism_law_2015_amended_2018.zh.md").read_text(), "zh")
    article = find(law, "chp_1__art_3")
    assert article.text.startswith("本法所称恐怖主义，是指")
    assert "\n\n（一）组织、策划、准备实施" in article.text
    assert article.text.endswith("造成重大社会危害的恐怖活动。")
    assert law.preamble.startswith("2015年12月27日")
    assert "INFO END" not in law.preamble


# --- each language on a short sample ----------------------------------------------------------

ZH = """中华人民共和国示例法

第一编　总则

第一章　一般规定

第一条　为了示例，制定本法。

第二条　本法所称恐怖活动，是指下列行为：
（一）组织、策划；
（二）宣扬恐怖主义。

第一百二十条之一【资助】资助恐怖活动的，处五年以下有期徒刑。

第二节 节名

第一百二十一条 节内条文。

附　则

第一百二十二条 本法自公布之日起施行。
"""


def test_chinese_sample():
    law = segment(ZH, "zh")
    assert law.title == "中华人民共和国示例法"
    rows = [(p.kind, p.number, p.eid, p.heading) for p in law.walk()]
    assert rows == [
        ("part", "第一编", "part_1", "总则"),
        ("chapter", "第一章", "part_1__chp_1", "一般规定"),
        ("article", "第一条", "part_1__chp_1__art_1", ""),
        ("article", "第二条", "part_1__chp_1__art_2", ""),
        ("article", "第一百二十条之一", "part_1__chp_1__art_120-1", "资助"),
        ("section", "第二节", "part_1__chp_1__sec_2", "节名"),
        ("article", "第一百二十一条", "part_1__chp_1__sec_2__art_121", ""),
        ("part", "", "part_nn_1", "附　则"),
        ("article", "第一百二十二条", "part_nn_1__art_122", ""),
    ]
    assert find(law, "part_1__chp_1__art_2").text.splitlines() == [
        "本法所称恐怖活动，是指下列行为：",
        *ZH.splitlines()[9:11],
    ]
    assert find(law, "part_1__chp_1__art_2").line == 9


AMENDMENT = """刑法修正案

为了惩治恐怖活动犯罪：

一、将刑法第一百二十条修改为：“……”

二、本修正案自公布之日起施行。
"""


FRAGMENT = """"terrorist activity" means
(b) an act or omission, in or outside Canada,
(i) that is committed
(A) in whole or in part for a political, religious or ideological purpose, and
(B) in whole or in part with the intention of intimidating the public,
(ii) that intentionally
(A) causes death or serious bodily harm to a person by the use of violence,
"""


def test_a_fragment_without_headings_is_read_by_its_enumeration():
    # like ca_criminal_code_83.01_b_clauses_supplement.en.md in the research folder
    law = segment(FRAGMENT, "en")
    assert law.title == "" and law.preamble == '"terrorist activity" means'
    assert [(p.kind, p.number, p.eid) for p in law.walk()] == [
        ("paragraph", "(b)", "para_b"),
        ("item", "(i)", "para_b__item_i"),
        ("item", "(A)", "para_b__item_i__item_A"),
        ("item", "(B)", "para_b__item_i__item_B"),
        ("item", "(ii)", "para_b__item_ii"),
        ("item", "(A)", "para_b__item_ii__item_A"),
    ]


def test_chinese_amendment_is_read_by_its_items():
    law = segment(AMENDMENT, "zh")
    assert law.preamble == "为了惩治恐怖活动犯罪："
    assert [(p.number, p.eid) for p in law.walk()] == [("一", "art_1"), ("二", "art_2")]


def test_chinese_articles_without_a_space_after_the_label():
    law = segment("第一条为了防范。\n第二条国家反对。\n本法第三条规定的内容。\n第三条本法所称。\n", "zh")
    assert [p.number for p in law.walk()] == ["第一条", "第二条", "第三条"]
    assert find(law, "art_2").text == "国家反对。\n本法第三条规定的内容。"


CANADA = """# Criminal Code

## PART II.1 Terrorism

### Interpretation

### 83.01 Definitions

(1) The following definitions apply in this Part.

**entity** means a person, group, trust. (**entité**)

**For greater certainty**

(1.1) For greater certainty, the expression of a thought is not terrorist activity.

<details>
<summary>Historical Note</summary>

- 2001, c. 41, s. 4

</details>

### 83.02 Providing or collecting property for certain activities

Every person is guilty of an indictable offence who

- (a) an act or omission, or
  - (i) an offence
"""


HEADING_83_02 = "Providing or collecting property for certain activities"


def test_english_canadian_markdown():
    law = segment(CANADA, "en")
    assert law.title == "Criminal Code"
    rows = [(p.kind, p.number, p.eid, p.heading) for p in law.walk()]
    assert rows == [
        ("part", "II.1", "part_II.1", "Terrorism"),
        ("subdivision", "", "part_II.1__subdvs_nn_1", "Interpretation"),
        ("section", "83.01", "part_II.1__subdvs_nn_1__sec_83.01", "Definitions"),
        ("subsection", "(1)", "part_II.1__subdvs_nn_1__sec_83.01__subsec_1", ""),
        ("subsection", "(1.1)", "part_II.1__subdvs_nn_1__sec_83.01__subsec_1.1", "For greater certainty"),
        ("section", "83.02", "part_II.1__subdvs_nn_1__sec_83.02", HEADING_83_02),
    ]
    texts = {p.number: p.text for p in law.walk()}
    assert (
        texts["(1)"]
        == "The following definitions apply in this Part.\n\nentity means a person, group, trust. (entité)"
    )
    assert texts["(1.1)"].endswith("is not terrorist activity.")  # the historical note is left out
    assert texts["83.02"].endswith("(a) an act or omission, or\n  (i) an offence")  # bullets go, indents stay


UK = """Terrorism Act 2000

PART I
INTRODUCTORY

1 Terrorism: interpretation
(1) In this Act “terrorism” means—
(a) the action falls within subsection (2), and
(b) the use or threat is designed to influence the government.
(2) Action falls within this subsection.
2 Temporary legislation
The Acts shall cease to have effect.
"""

INDIA = """113. Terrorist act.—(1) Whoever does any act,—
(a) by using bombs;
commits a terrorist act.
(2) Whoever commits a terrorist act shall be punished.
"""


def test_english_uk_and_india_plain_text():
    uk = segment(UK, "en")
    assert [(p.number, p.eid, p.heading) for p in uk.walk()] == [
        ("I", "part_I", "INTRODUCTORY"),
        ("1", "part_I__sec_1", "Terrorism: interpretation"),
        ("(1)", "part_I__sec_1__subsec_1", ""),
        ("(2)", "part_I__sec_1__subsec_2", ""),
        ("2", "part_I__sec_2", "Temporary legislation"),
    ]
    india = segment(INDIA, "en")
    assert [(p.number, p.eid, p.heading) for p in india.walk()] == [
        ("113", "sec_113", "Terrorist act"),
        ("(1)", "sec_113__subsec_1", ""),
        ("(2)", "sec_113__subsec_2", ""),
    ]
    assert india.provisions[0].children[0].text.splitlines() == [
        "Whoever does any act,—",
        *INDIA.splitlines()[1:3],
    ]


FRENCH = """Code pénal

Livre IV : Des crimes et délits contre la nation

Titre II : Du terrorisme

Chapitre Ier : Des actes de terrorisme

Article 421-1

Constituent des actes de terrorisme :
1° Les atteintes volontaires à la vie ;

Art. 421-2-2. - Constitue également un acte de terrorisme.

Section 2 : Dispositions diverses

Article 421-3 bis

Texte.
"""


def test_french_sample():
    law = segment(FRENCH, "fr")
    assert law.title == "Code pénal"
    assert [(p.kind, p.number, p.eid) for p in law.walk()] == [
        ("book", "IV", "book_IV"),
        ("title", "II", "book_IV__title_II"),
        ("chapter", "Ier", "book_IV__title_II__chp_I"),
        ("article", "421-1", "book_IV__title_II__chp_I__art_421-1"),
        ("article", "421-2-2", "book_IV__title_II__chp_I__art_421-2-2"),
        ("section", "2", "book_IV__title_II__chp_I__sec_2"),
        ("article", "421-3 bis", "book_IV__title_II__chp_I__sec_2__art_421-3-bis"),
    ]
    articles = {p.number: p for p in law.walk()}
    assert articles["421-2-2"].text == "Constitue également un acte de terrorisme."
    assert (
        articles["421-1"].text
        == "Constituent des actes de terrorisme :\n1° Les atteintes volontaires à la vie ;"
    )


SPANISH = """TÍTULO PRELIMINAR

CAPÍTULO II
De los delitos de terrorismo

Artículo 5. Objeto.

1. La presente ley tiene por objeto.

Artículo 5 bis. Definiciones.

A los efectos de esta ley.

Artículo 6

Texto del artículo seis.

Disposición final primera. Entrada en vigor.

Esta ley.
"""


def test_spanish_sample():
    law = segment(SPANISH, "es")
    assert [(p.kind, p.number, p.eid, p.heading) for p in law.walk()] == [
        ("title", "PRELIMINAR", "title_preliminar", ""),
        ("chapter", "II", "title_preliminar__chp_II", "De los delitos de terrorismo"),
        ("article", "5", "title_preliminar__chp_II__art_5", "Objeto."),
        ("article", "5 bis", "title_preliminar__chp_II__art_5-bis", "Definiciones."),
        ("article", "6", "title_preliminar__chp_II__art_6", ""),
        (
            "article",
            "Disposición final primera",
            "title_preliminar__chp_II__art_final-1",
            "Entrada en vigor.",
        ),
    ]
    assert find(law, "title_preliminar__chp_II__art_5-bis").text == "A los efectos de esta ley."


RUSSIAN = """Уголовный кодекс Российской Федерации

Раздел IX. Преступления против общественной безопасности

Глава 24. Преступления против общественной безопасности

Статья 205. Террористический акт

1. Совершение взрыва.

Статья 205.1. Содействие террористической деятельности

1. Склонение, вербовка.
Статья 205 настоящего Кодекса применяется.
"""


def test_russian_sample():
    law = segment(RUSSIAN, "ru")
    assert [(p.kind, p.number, p.eid, p.heading) for p in law.walk()] == [
        ("part", "Раздел IX", "part_IX", "Преступления против общественной безопасности"),
        ("chapter", "Глава 24", "part_IX__chp_24", "Преступления против общественной безопасности"),
        ("article", "Статья 205", "part_IX__chp_24__art_205", "Террористический акт"),
        ("article", "Статья 205.1", "part_IX__chp_24__art_205.1", "Содействие террористической деятельности"),
    ]
    assert find(law, "part_IX__chp_24__art_205.1").text.endswith("Статья 205 настоящего Кодекса применяется.")


ARABIC = """قانون مكافحة الإرهاب

الباب الأول: أحكام عامة

الفصل الثاني
تعريفات

المادة 3
يقصد بالإرهاب كل فعل.
المادة 3 من هذا القانون تسري على الجميع.

المادة (4): يعاقب كل من.

المادة الحادية عشرة
نص.

مادة ١٢ مكرر
نص.
"""


def test_arabic_sample():
    law = segment(ARABIC, "ar")
    assert law.title == "قانون مكافحة الإرهاب"
    assert [(p.kind, p.number, p.eid, p.heading) for p in law.walk()] == [
        ("part", "الباب الأول", "part_1", "أحكام عامة"),
        ("chapter", "الفصل الثاني", "part_1__chp_2", "تعريفات"),
        ("article", "المادة 3", "part_1__chp_2__art_3", ""),
        ("article", "المادة (4)", "part_1__chp_2__art_4", ""),
        ("article", "المادة الحادية عشرة", "part_1__chp_2__art_11", ""),
        ("article", "مادة ١٢ مكرر", "part_1__chp_2__art_12-bis", ""),
    ]
    assert find(law, "part_1__chp_2__art_3").text.splitlines() == ARABIC.splitlines()[8:10]
    assert find(law, "part_1__chp_2__art_4").text == "يعاقب كل من."


GERMAN = """# Strafgesetzbuch

#### Siebenter Abschnitt - Straftaten gegen die öffentliche Ordnung

##### § 129a Bildung terroristischer Vereinigungen

(1) Wer eine Vereinigung gründet,
(§ 129 Absatz 2) wird bestraft.

1.  Mord oder

(2) Ebenso wird bestraft.

(2a) Eingefügter Absatz.

[...]

##### § 129b Kriminelle Vereinigungen im Ausland

Die §§ 129 und 129a gelten auch.
"""


def test_german_sample():
    law = segment(GERMAN, "de")
    assert [(p.kind, p.number, p.eid, p.heading) for p in law.walk()] == [
        ("section", "Siebenter Abschnitt", "sec_7", "Straftaten gegen die öffentliche Ordnung"),
        ("article", "§ 129a", "sec_7__art_129a", "Bildung terroristischer Vereinigungen"),
        ("paragraph", "(1)", "sec_7__art_129a__para_1", ""),
        ("paragraph", "(2)", "sec_7__art_129a__para_2", ""),
        ("paragraph", "(2a)", "sec_7__art_129a__para_2a", ""),
        # after an omission ([...]) the extract does not say where § 129b sits: not inside § 7
        ("article", "§ 129b", "art_129b", "Kriminelle Vereinigungen im Ausland"),
    ]
    assert find(law, "sec_7__art_129a__para_1").text.splitlines() == [
        "Wer eine Vereinigung gründet,",
        *GERMAN.splitlines()[7:10],
    ]
    assert find(law, "art_129b").text == "Die §§ 129 und 129a gelten auch."


def test_language_codes_are_read_by_their_first_part():
    assert segment("第一条 内容。", "zh-hans").provisions[0].eid == "art_1"
    assert segment("Article 1er\n\nTexte.", "fr-CA").provisions[0].eid == "art_1"


def test_a_repeated_number_gets_a_suffix():
    law = segment("第一条 甲。\n\n第一条 乙。\n\n第二条 丙。\n", "zh")
    assert [p.eid for p in law.walk()] == ["art_1", "art_1_2", "art_2"]


# --- errors -----------------------------------------------------------------------------------


def test_text_without_provisions_names_the_line():
    with pytest.raises(SegmentationError) as raised:
        segment("# A Title\n\nSome words about terrorism.\nMore words.\n", "en")
    assert raised.value.line == 3
    assert "at line 3" in str(raised.value)
    assert raised.value.excerpt == "Some words about terrorism."


def test_numbering_that_goes_backwards_names_the_line():
    with pytest.raises(SegmentationError) as raised:
        segment("第五条 甲。\n\n第六条 乙。\n\n第三条 丙。\n", "zh")
    assert raised.value.line == 5
    assert "第三条 after 第六条" in str(raised.value)


def test_numbering_may_start_again_in_a_new_container():
    law = segment("第一章 甲\n\n第一条 甲。\n\n第二章 乙\n\n第一条 乙。\n", "zh")
    assert [p.eid for p in law.walk()] == ["chp_1", "chp_1__art_1", "chp_2", "chp_2__art_1"]


def test_unknown_language_and_empty_text():
    with pytest.raises(SegmentationError, match="no segmentation rules for language 'xx'"):
        segment("Article 1", "xx")
    with pytest.raises(SegmentationError, match="no content"):
        segment("\n\n", "fr")


# --- refreshing the golden files --------------------------------------------------------------


def dump_golden(golden: dict) -> str:
    """JSON with one (eid, number, heading) triple a line, for readable diffs."""
    triples = ",\n".join(f"    {json.dumps(triple, ensure_ascii=False)}" for triple in golden["provisions"])
    head = {key: golden[key] for key in ("source", "language", "title", "counts")}
    body = json.dumps(head, ensure_ascii=False, indent=2)[:-2]
    return f'{body},\n  "provisions": [\n{triples}\n  ],\n  "digest": "{golden["digest"]}"\n}}\n'


def update_golden_files() -> None:
    """Counts, title and digest from the segmenter; the hand-checked triples are kept."""
    for path in GOLDEN_FILES:
        golden = load_golden(path)
        law = segment_file(golden)
        golden.update(title=law.title, counts=counts(law), digest=digest(law))
        path.write_text(dump_golden(golden), encoding="utf-8")
        print(path.name, golden["counts"])


if __name__ == "__main__":
    if "--update" not in sys.argv or LAWS is None:
        sys.exit("usage: python -m tests.test_segmentation --update (needs the shipped law files)")
    update_golden_files()
