"""German: Buch / Teil / Kapitel / Abschnitt / Unterabschnitt / Titel / Untertitel containers
('Vierter Titel - Gemeinsame Vorschriften', 'Abschnitt 3'), '§ 89a Vorbereitung …' (and 'Artikel 1'
in constitutions) as articles with their heading, '(1)', '(2a)' Absätze as paragraphs. Numbered
Nummern (1., 2.) and Buchstaben (a), b)) stay in the text of their Absatz.
"""

import re

from .en import Subsections
from .numerals import GERMAN_ORDINAL, german_ordinal, order_key
from .rules import ARTICLE, Context, Rules, Token, heading_like, later

_CONTAINERS = {
    "buch": ("book", 10),
    "teil": ("part", 15),
    "kapitel": ("chapter", 30),
    "abschnitt": ("section", 40),
    "unterabschnitt": ("subsection", 45),
    "titel": ("title", 50),
    "untertitel": ("subdivision", 55),
}
_LABEL = r"Buch|Teil|Kapitel|Abschnitt|Unterabschnitt|Titel|Untertitel"
_ORDINAL_CONTAINER = re.compile(
    rf"^(?P<ord>{GERMAN_ORDINAL}|\d+\.)\s+(?P<label>{_LABEL})(?=$|[\s.:—–-])\s*(?:[.:—–-]+\s*)?(?P<head>.*)$"
)
_NUMBERED_CONTAINER = re.compile(
    rf"^(?P<label>{_LABEL})\s+(?P<num>\d+[a-z]?)(?=$|[\s.:—–-])\s*(?:[.:—–-]+\s*)?(?P<head>.*)$"
)
_NAMED_PART = re.compile(
    r"^(?P<adj>Allgemeiner|Besonderer)\s+Teil(?=$|[\s.:—–-])\s*(?:[.:—–-]+\s*)?(?P<head>.*)$"
)
_PARAGRAPH_SIGN = re.compile(
    r"^(?P<label>§§?\s*(?P<num>\d+[a-z]*)(?:\s+(?P<conj>bis|und)\s+(?P<num2>\d+[a-z]*))?)(?=\s|$)\s*(?P<rest>.*)$"
)
_ARTIKEL = re.compile(r"^(?P<label>(?:Artikel|Art\.?)\s+(?P<num>\d+[a-z]*))(?=\s|$)\s*(?P<rest>.*)$")
_REFERENCE = re.compile(r"^(?:Abs\.|Absatz|Satz|Nr\.|Nummer|des|der|und|oder|bis|gilt|ist|sind|in)\b")


class GermanRules(Rules):
    language = "de"

    def __init__(self):
        self.paragraphs = Subsections(kind="paragraph", decimal=False)

    def _container(self, text: str, heading: bool) -> Token | None:
        if not (heading or heading_like(text)):
            return None
        found = _ORDINAL_CONTAINER.match(text)
        if found:
            ordinal = found.group("ord")
            value = ordinal.rstrip(".") if ordinal[0].isdigit() else german_ordinal(ordinal)
            if value is None:
                return None
            number, eid = text[: found.end("label")], str(value)
        else:
            found = _NUMBERED_CONTAINER.match(text)
            if found:
                number, eid = text[: found.end("num")], found.group("num")
            else:
                found = _NAMED_PART.match(text)
                if not found:
                    return None
                number, eid = text[: found.end("adj") + 5], found.group("adj").lower()
        kind, rank = _CONTAINERS[found.group("label").lower() if "label" in found.groupdict() else "teil"]
        return Token(kind, number, rank, eid, found.group("head").strip(), lookahead=not heading)

    def match(self, text: str, heading: bool, ctx: Context) -> list[Token]:
        container = self._container(text, heading)
        if container:
            self.paragraphs.reset()
            return [container]
        found = _PARAGRAPH_SIGN.match(text) or _ARTIKEL.match(text)
        if found:
            rest = found.group("rest")
            key = order_key(found.group("num"))
            plain_ok = ctx.after_blank and not _REFERENCE.match(rest) and heading_like(text, 200)
            if heading or (plain_ok and later(key, ctx.last_article_key)):
                eid = found.group("num")
                if found.groupdict().get("num2"):
                    eid += "-" + found.group("num2")
                token = Token("article", found.group("label"), ARTICLE, eid, key=key)
                self.paragraphs.reset()
                paragraph = self.paragraphs.match(rest, None) if rest.startswith("(") else None
                if paragraph:
                    return [token, paragraph]
                token.heading = rest
                return [token]
        if heading:
            self.paragraphs.reset()
            return []
        paragraph = self.paragraphs.match(text, ctx)
        return [paragraph] if paragraph else []
