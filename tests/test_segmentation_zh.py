"""legislation.segmentation.zh: Chinese laws and amendments on short samples. No database."""

from legislation.segmentation import segment
from tests.segmentation_helpers import find

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


def test_chinese_amendment_is_read_by_its_items():
    law = segment(AMENDMENT, "zh")
    assert law.preamble == "为了惩治恐怖活动犯罪："
    assert [(p.number, p.eid) for p in law.walk()] == [("一", "art_1"), ("二", "art_2")]


def test_chinese_articles_without_a_space_after_the_label():
    law = segment("第一条为了防范。\n第二条国家反对。\n本法第三条规定的内容。\n第三条本法所称。\n", "zh")
    assert [p.number for p in law.walk()] == ["第一条", "第二条", "第三条"]
    assert find(law, "art_2").text == "国家反对。\n本法第三条规定的内容。"
