"""The sample law, its metadata and the helpers shared by the tests of legislation.converters."""

import datetime

import pytest

from legislation.converters import read_upload
from legislation.converters.akn_meta import AKN_NS
from legislation.document import ConversionError, LawMeta, ParsedLaw, ParsedProvision

P = ParsedProvision
AKN = f"{{{AKN_NS}}}"


def counter_terrorism_law() -> ParsedLaw:
    return ParsedLaw(
        title="中华人民共和国反恐怖主义法",
        preamble="（2015年12月27日第十二届全国人民代表大会常务委员会第十八次会议通过）",
        provisions=[
            P(
                "chapter",
                "第一章",
                "总则",
                eid="chp_1",
                children=[
                    P("article", "第一条", text="为了防范和惩治恐怖活动，制定本法。", eid="chp_1__art_1"),
                    P(
                        "article",
                        "第三条",
                        text="本法所称恐怖主义，是指……的主张和行为。\n本法所称恐怖活动，是指……行为：",
                        eid="chp_1__art_3",
                        children=[
                            P("item", "（一）", text="组织、策划……的活动；", eid="chp_1__art_3__item_1"),
                            P("item", "（二）", text="宣扬恐怖主义……的；", eid="chp_1__art_3__item_2"),
                        ],
                    ),
                ],
            ),
            P(
                "chapter",
                "第十章",
                "附则",
                eid="chp_10",
                children=[
                    P("article", "第九十七条", text="本法自2016年1月1日起施行。", eid="chp_10__art_97"),
                    P("article", "第一百二十条之一", text="", eid="chp_10__art_120-1"),
                ],
            ),
        ],
    )


def meta(**changes) -> LawMeta:
    values = dict(
        title="中华人民共和国反恐怖主义法",
        language="zh",
        state_iso3="CHN",
        state_iso2="CN",
        kind="act",
        number="主席令第三十六号",
        adopted_on=datetime.date(2015, 12, 27),
        in_force_on=datetime.date(2016, 1, 1),
        frbr_work="/akn/cn/act/2015/counter-terrorism-law",
    )
    values.update(changes)
    return LawMeta(**values)


def shape(provisions: list[ParsedProvision], depth: int = 0) -> list[tuple]:
    rows = []
    for provision in provisions:
        rows.append(
            (depth, provision.kind, provision.number, provision.heading, provision.text, provision.eid)
        )
        rows.extend(shape(provision.children, depth + 1))
    return rows


def refused(filename: str, data: bytes) -> str:
    with pytest.raises(ConversionError) as caught:
        read_upload(filename, data)
    return str(caught.value)
