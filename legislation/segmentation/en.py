"""English: Canada (Markdown of the consolidated statutes), the United Kingdom and India.

Sections are the basic unit ('### 83.01 Definitions', '1 Terrorism: interpretation',
'1.—(1) In this Act', '113. Terrorist act.—(1) Whoever'); subsections '(1)', '(2.1)' are their
children, with the marginal note before them as heading. Paragraphs (a) and subparagraphs (i)
stay in the text of their subsection. Parts, divisions and chapters contain the sections.
"""

import re

from .numerals import ROMAN_NUMERAL, order_key
from .rules import ARTICLE, Context, Rules, Token, heading_like, later

SECTION_NUMBER = r"\d+(?:\.\d+)*[A-Z]{0,3}(?:\.\d+)*"
RANGE_WORDS = r"to|and|à|et"

_MARKDOWN_SECTION = re.compile(
    rf"^(?P<num>{SECTION_NUMBER})(?:\s+(?:{RANGE_WORDS})\s+(?P<num2>{SECTION_NUMBER}))?\.?(?:\s+(?P<rest>.*))?$"
)
_OLD_UK_SECTION = re.compile(r"^(?P<num>\d+[A-Z]{0,3})\.?\s*[—–]+\s*(?P<rest>\(\d.*)$")  # 1.—(1) In this Act
_INDIA_SECTION = re.compile(  # 113. Terrorist act.—(1) Whoever
    r"^(?P<num>\d+[A-Z]{0,3})\.\s+(?P<head>[A-Z][^—–]{0,150}?)\.?\s*[—–]{1,2}\s*(?P<rest>.*)$"
)
_HEADING_SECTION = re.compile(r"^(?P<num>\d+[A-Z]{0,3})\.?\s+(?P<head>[A-Z][^;,]{0,100}?)\.?$")
# Canadian plain text: '83.01 (1) The following …', '83.02 Every person …'
_PLAIN_DECIMAL_SECTION = re.compile(r"^(?P<num>\d+\.\d+[A-Z]?)\s+(?P<rest>(?:\(1\)\s|[A-Z]).*)$")
_CONTAINER = re.compile(
    rf"^(?P<label>PART|Part|DIVISION|Division|SUBDIVISION|Subdivision|CHAPTER|Chapter)\s+"
    rf"(?P<num>(?:{ROMAN_NUMERAL}|\d+|[A-Z])(?:\.\d+)?[A-Z]?)(?=$|[\s.:—–-])\.?\s*(?:[—–:-]\s*)?(?P<head>.*)$"
)
_CONTAINER_KINDS = {"part": ("part", 10), "chapter": ("chapter", 30), "division": ("division", 50)}
_CONTAINER_KINDS["subdivision"] = ("subdivision", 55)

SUBSECTION_NUMBER = r"\d+(?:\.\d+)*[a-z]?"
_SUBSECTION = re.compile(
    rf"^\((?P<num>{SUBSECTION_NUMBER})\)(?:\s+(?:{RANGE_WORDS}|bis|und)\s+\((?P<num2>{SUBSECTION_NUMBER})\))?"
    r"(?:\s+(?P<rest>.*))?$"
)


def section_token(number: str, heading: str = "", text: str = "", last: str = "") -> Token:
    label = f"{number} to {last}" if last else number
    eid = f"{number}-{last}" if last else number
    return Token("section", label, ARTICLE, eid, heading, text, key=order_key(number, decimal=True))


def markdown_section(text: str) -> Token | None:
    """'83.01 Definitions', '2 to 23', '43 and 44', '7 Offences committed on aircraft'."""
    found = _MARKDOWN_SECTION.match(text)
    if not found:
        return None
    token = section_token(found.group("num"), found.group("rest") or "", last=found.group("num2") or "")
    if found.group("num2"):
        conjunction = text[len(found.group("num")) :].split()[0]
        token.number = f"{found.group('num')} {conjunction} {found.group('num2')}"
    return token


class Subsections:
    """Numbered parts of a section: '(1)', '(2.1)', '(2a)', '(3.2) to (3.6)'. In hard-wrapped text a
    line may start with '(3)' by chance, so a label counts only after a blank line or the end of a
    sentence, and only if it comes after the previous one."""

    def __init__(self, kind: str = "subsection", decimal: bool = True):
        self.kind, self.decimal = kind, decimal
        self.last: tuple[int, ...] | None = None

    def reset(self) -> None:
        self.last = None

    def match(self, text: str, ctx: Context | None) -> Token | None:
        found = _SUBSECTION.match(text)
        if not found:
            return None
        key = order_key(found.group("num"), decimal=self.decimal)
        if ctx is not None:
            sentence_ended = ctx.previous.endswith(tuple(".:;—–-]"))
            if not (ctx.after_blank or ctx.after_heading or sentence_ended) or not later(key, self.last):
                return None
        self.last = key
        number, eid = found.group("num"), found.group("num")
        label = f"({number})"
        if found.group("num2"):
            label = text[: found.start("num2") + len(found.group("num2")) + 1]
            eid = f"{number}-{found.group('num2')}"
        return Token(self.kind, label, ARTICLE + 10, eid, text=found.group("rest") or "")


def container_token(text: str, heading: bool) -> Token | None:
    found = _CONTAINER.match(text)
    if not found:
        return None
    label = found.group("label")
    if not (heading or label.isupper() or heading_like(text)):
        return None
    kind, rank = _CONTAINER_KINDS[label.lower()]
    number = found.group("num")
    return Token(kind, number, rank, number, found.group("head").strip(), lookahead=not heading)


class EnglishRules(Rules):
    language = "en"

    def __init__(self):
        self.subsections = Subsections()

    def match(self, text: str, heading: bool, ctx: Context) -> list[Token]:
        tokens = self._match(text, heading, ctx)
        if heading and not tokens:
            self.subsections.reset()  # an unnumbered heading starts a new block
        return tokens

    def _section_then_subsection(self, section: Token, rest: str) -> list[Token]:
        self.subsections.reset()
        if not rest:
            return [section]
        subsection = self.subsections.match(rest, None)
        if subsection is None:
            section.text = rest
            return [section]
        return [section, subsection]

    def _match(self, text: str, heading: bool, ctx: Context) -> list[Token]:
        container = container_token(text, heading)
        if container:
            self.subsections.reset()
            return [container]
        if heading:
            section = markdown_section(text)
            if section:
                self.subsections.reset()
                return [section]
            return []
        for pattern in (_OLD_UK_SECTION, _PLAIN_DECIMAL_SECTION):
            found = pattern.match(text)
            if found and later(order_key(found.group("num"), decimal=True), ctx.last_article_key):
                return self._section_then_subsection(section_token(found.group("num")), found.group("rest"))
        found = _INDIA_SECTION.match(text)
        if found and later(order_key(found.group("num")), ctx.last_article_key):
            section = section_token(found.group("num"), found.group("head"))
            return self._section_then_subsection(section, found.group("rest"))
        found = _HEADING_SECTION.match(text)
        if found and later(order_key(found.group("num")), ctx.last_article_key):
            head = found.group("head")
            if len(head.split()) <= 12 and (not text.endswith(".") or ctx.next.startswith("(1)")):
                self.subsections.reset()
                return [section_token(found.group("num"), head)]
        subsection = self.subsections.match(text, ctx)
        return [subsection] if subsection else []

    def noise(self, text: str) -> bool:
        return "THE GAZETTE OF INDIA" in text  # a page header of the printed gazette
