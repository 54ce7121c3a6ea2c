"""Arabic: الكتاب / الباب / الفصل / القسم / الفرع containers and articles written 'المادة 3',
'المادة (3)', 'مادة ٣', 'المادة الثالثة' or 'المادة 87 مكرر'. Numbers in words and in Arabic-Indic
digits become digits in the eId.
"""

import re

from .numerals import arabic_ordinal_prefix, ascii_digits
from .rules import ARTICLE, Context, Rules, Token, heading_like

_CONTAINERS = {
    "الكتاب": ("book", 10),
    "الباب": ("part", 15),
    "الفصل": ("chapter", 30),
    "القسم": ("section", 40),
    "الفرع": ("subsection", 45),
}
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_DIGITS = r"[0-9٠-٩۰-۹]+"
_CONTAINER = re.compile(r"^(?P<label>الكتاب|الباب|الفصل|القسم|الفرع)\s+(?P<after>.+)$")
_ARTICLE = re.compile(r"^(?P<label>(?:ال)?مادة)\s*(?P<after>.+)$")
_NUMBER = re.compile(rf"^(?:\(\s*(?P<paren>{_DIGITS})\s*\)|(?P<plain>{_DIGITS}))")
_BIS = re.compile(rf"^\s*(?P<bis>مكرر(?:ة|ا)?)(?:\s*\(?\s*(?P<n>{_DIGITS})\s*\)?)?")
_SEPARATOR = re.compile(r"^\s*[:：\-–—.]\s*|^\s*$")


def _number(after: str) -> tuple[int, str, str, bool] | None:
    """The number at the start of `after`: (value, as written, the rest, parenthesised)."""
    found = _NUMBER.match(after)
    if found:
        digits = found.group("paren") or found.group("plain")
        return int(ascii_digits(digits)), found.group(0), after[found.end() :], bool(found.group("paren"))
    ordinal = arabic_ordinal_prefix(after)
    if ordinal:
        value, words, rest = ordinal
        return value, words, rest, False
    return None


class ArabicRules(Rules):
    language = "ar"

    def match(self, text: str, heading: bool, ctx: Context) -> list[Token]:
        text = _BIDI.sub("", text).strip()
        found = _CONTAINER.match(text)
        if found:
            number = _number(found.group("after"))
            if number and (heading or heading_like(text, 150)):
                value, written, rest, _ = number
                kind, rank = _CONTAINERS[found.group("label")]
                label = f"{found.group('label')} {written}"
                head = re.sub(r"^\s*[:：\-–—.]\s*", "", rest).strip()
                return [Token(kind, label, rank, str(value), head, lookahead=not heading)]
        found = _ARTICLE.match(text)
        if not found:
            return []
        number = _number(found.group("after"))
        if not number:
            return []
        value, written, rest, parenthesised = number
        key: tuple[int, ...] = (value,)
        eid = str(value)
        label = f"{found.group('label')} {written}"
        bis = _BIS.match(rest)
        if bis:
            key += (1 + int(ascii_digits(bis.group("n") or "0")),)
            eid += "-bis" + (f"-{ascii_digits(bis.group('n'))}" if bis.group("n") else "")
            label += " " + bis.group(0).strip()
            rest = rest[bis.end() :]
        separator = _SEPARATOR.match(rest)
        if not separator and not parenthesised and not heading:
            return []  # 'المادة 5 من هذا القانون' begins a sentence, not an article
        rest = rest[separator.end() :] if separator else rest.strip()
        token = Token("article", label, ARTICLE, eid, key=key)
        if heading:
            token.heading = rest.strip()
        else:
            token.text = rest.strip()
        return [token]
