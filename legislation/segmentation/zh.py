"""Chinese: 编 / 分编 / 章 / 节 containers and 条 articles (第一百二十条之一).

An article keeps its 款 (paragraphs, separated by line breaks) and 项 ((一), (二)) in its text.
A text without any 条 — an amendment (修正案) or a decision — is read by its top-level
items 一、二、… instead.
"""

import re

from .numerals import CN_NUMERAL, chinese_to_int
from .rules import ARTICLE, Context, Rules, Token, heading_like

_CONTAINERS = {"编": ("part", 10), "分编": ("title", 20), "章": ("chapter", 30), "节": ("section", 40)}
_CONTAINER = re.compile(rf"^第(?P<num>{CN_NUMERAL})(?P<unit>分编|编|章|节)(?:[\s\u3000]+(?P<head>.*)|$)")
_ARTICLE = re.compile(
    rf"^第(?P<num>{CN_NUMERAL})条(?:之(?P<sub>{CN_NUMERAL}))?(?P<sep>[\s\u3000]+|$|(?=【))(?P<rest>.*)$"
)
_ARTICLE_NO_SEPARATOR = re.compile(rf"^第(?P<num>{CN_NUMERAL})条(?:之(?P<sub>{CN_NUMERAL}))?(?P<rest>\S.*)$")
_BRACKET_HEADING = re.compile(r"^【(?P<head>[^】]{1,40})】\s*(?P<rest>.*)$")
_SUPPLEMENTARY = re.compile(r"^附[\s\u3000]*则$")
_AMENDMENT_ITEM = re.compile(r"^(?P<num>[一二三四五六七八九十百]+)、(?P<rest>.*)$")


def _article(found: re.Match, heading: bool) -> Token | None:
    number = chinese_to_int(found.group("num"))
    sub = chinese_to_int(found.group("sub")) if found.group("sub") else 0
    if number is None or sub is None:
        return None
    rest, head = found.group("rest").strip(), ""
    bracket = _BRACKET_HEADING.match(rest)
    if bracket:
        head, rest = bracket.group("head"), bracket.group("rest")
    elif heading:
        head, rest = rest, ""
    label = f"第{found.group('num')}条" + (f"之{found.group('sub')}" if found.group("sub") else "")
    eid = f"{number}-{sub}" if sub else str(number)
    return Token("article", label, ARTICLE, eid, head, rest, key=(number, sub))


class ChineseRules(Rules):
    language = "zh"

    def __init__(self):
        self.separated: bool | None = None  # whether this text puts a space after 第…条
        self.top: tuple[str, int] | None = None  # the highest container seen

    def match(self, text: str, heading: bool, ctx: Context) -> list[Token]:
        text = text.lstrip("\u3000 ")
        found = _CONTAINER.match(text)
        head = (found.group("head") or "").strip() if found else ""
        if found and (heading or not head or heading_like(head, 60)):
            kind, rank = _CONTAINERS[found.group("unit")]
            number = chinese_to_int(found.group("num"))
            label = text[: found.end("unit")]
            if self.top is None or rank < self.top[1]:
                self.top = (kind, rank)
            return [Token(kind, label, rank, str(number), head, lookahead=not heading)]
        if not heading and _SUPPLEMENTARY.match(text) and ctx.last_article_key:
            # 附则 alone on its line closes the numbered containers (in Markdown, core gives an
            # unnumbered heading the kind of its level instead)
            kind, rank = self.top or ("part", 10)
            return [Token(kind, "", rank, heading=text)]
        found = _ARTICLE.match(text)
        if found and self.separated is not False:
            token = _article(found, heading)
            if token:
                self.separated = True
                return [token]
        found = _ARTICLE_NO_SEPARATOR.match(text)
        if found and self.separated is not True:
            # 第一条为了… : only the expected next article, so that a paragraph beginning with a
            # reference (第六条规定的…) is not taken for one
            token = _article(found, heading)
            if token and token.key in _next_keys(ctx.last_article_key):
                self.separated = False
                return [token]
        return []

    def fallback(self) -> Rules:
        return ChineseItemRules()


def _next_keys(last: tuple[int, ...] | None) -> set[tuple[int, int]]:
    if last is None:
        return {(1, 0)}
    return {(last[0] + 1, 0), (last[0], last[1] + 1)}


class ChineseItemRules(Rules):
    """一、二、… as the articles of an amendment; only the next number in sequence counts, so that
    quoted lists do not break it."""

    language = "zh"

    def match(self, text: str, heading: bool, ctx: Context) -> list[Token]:
        found = _AMENDMENT_ITEM.match(text.lstrip("\u3000 "))
        if not found:
            return []
        number = chinese_to_int(found.group("num"))
        expected = 1 if ctx.last_article_key is None else ctx.last_article_key[0] + 1
        if number != expected:
            return []
        label = found.group("num")
        return [Token("article", label, ARTICLE, str(number), text=found.group("rest"), key=(number,))]
