"""legislation.segmentation's shared reading (core, enumeration): language codes, repeated
numbers, a fragment read by its enumeration, and the errors that name the line. No database."""

import pytest

from legislation.document import SegmentationError
from legislation.segmentation import segment

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
