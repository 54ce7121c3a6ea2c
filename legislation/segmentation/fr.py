"""French: Partie / Livre / Titre / Chapitre / Section / Sous-section / Paragraphe containers and
'Article 421-1' or 'Art. 421-1' articles (Article 1er, Article L. 1333-9, Article 5 bis).

The French version of Canadian statutes is segmented like the English one (sections 83.01
and subsections (1)), so both language versions of a law get the same eIds.
"""

import re

from .en import Subsections, markdown_section, section_token
from .numerals import LATIN_SUFFIX, ROMAN_NUMERAL, latin_suffix_rank, order_key, roman_to_int
from .rules import ARTICLE, Context, Rules, Token, heading_like

_CONTAINERS = {
    "partie": ("part", 5),
    "livre": ("book", 10),
    "titre": ("title", 20),
    "chapitre": ("chapter", 30),
    "section": ("section", 40),
    "sous-section": ("subsection", 45),
    "paragraphe": ("subdivision", 55),
}
_CONTAINER = re.compile(
    r"^(?P<label>PARTIE|Partie|LIVRE|Livre|TITRE|Titre|CHAPITRE|Chapitre|SECTION|Section|"
    r"SOUS-SECTION|Sous-section|PARAGRAPHE|Paragraphe)\s+"
    rf"(?P<num>(?:{ROMAN_NUMERAL}|\d+)(?:er|re)?(?:\.\d+)?(?:\s+(?:{LATIN_SUFFIX}))?|premier|première|"
    r"préliminaire|unique|législative|réglementaire)(?=$|[\s.:—–-])\s*(?:[.:—–-]+\s*)?(?P<head>.*)$"
)
_ARTICLE = re.compile(
    r"^(?:ARTICLE|Article|Art\.)\s+"
    r"(?P<num>(?P<prefix>(?:LO|[LRDA])\*{0,2}\.?\s*)?(?P<digits>\d+)(?:er|re)?(?P<tail>(?:[-‑]\d+)*)"
    rf"(?:\s+(?P<suffix>{LATIN_SUFFIX}|[A-Z])\b)?|premier|unique|préliminaire)"
    r"(?P<sep>\s*(?:[.:—–]|\s-)+\s*|\s*$)(?P<rest>.*)$"
)
_PLAIN_CANADIAN_PART = re.compile(rf"^PARTIE\s+(?P<num>(?:{ROMAN_NUMERAL}|\d+)(?:\.\d+)?)$")


def _container_number(number: str) -> str:
    """Ier → I, 1er → 1, premier → 1."""
    number = re.sub(r"(?<=[IVXLC\d])(?:er|re)$", "", number)
    return {"premier": "1", "première": "1"}.get(number, number)


def _article_token(found: re.Match) -> Token:
    number = found.group("num")
    if found.group("digits") is None:
        eid = {"premier": "1"}.get(number, number)
        key = (1,) if number == "premier" else None
    else:
        prefix = re.sub(r"[\s.]", "", found.group("prefix") or "").replace("*", "")
        eid = prefix + found.group("digits") + (found.group("tail") or "")
        key = order_key(found.group("digits") + (found.group("tail") or ""))
        suffix = found.group("suffix")
        if suffix:
            eid += f"-{suffix}"
            key += (latin_suffix_rank(suffix) or ord(suffix) - 64,)
        if prefix:
            key = None  # L. and R. articles of a code follow their own order
    return Token("article", number, ARTICLE, eid, key=key)


class FrenchRules(Rules):
    language = "fr"

    def __init__(self):
        self.subsections = Subsections()

    def match(self, text: str, heading: bool, ctx: Context) -> list[Token]:
        found = _CONTAINER.match(text)
        if found and (heading or found.group("label").isupper() or heading_like(text)):
            kind, rank = _CONTAINERS[found.group("label").lower()]
            number = found.group("num")
            eid = _container_number(number)
            if eid.isalpha() and roman_to_int(eid) is None:
                eid = eid.lower()  # préliminaire, législative
            self.subsections.reset()
            return [Token(kind, number, rank, eid, found.group("head").strip(), lookahead=not heading)]
        found = _ARTICLE.match(text)
        if found:
            token = _article_token(found)
            rest = found.group("rest").strip()
            if heading:
                token.heading = rest
            else:
                token.text = rest
            self.subsections.reset()
            return [token]
        if heading:  # Canada: '### 83.01 Définitions'
            section = markdown_section(text)
            if section:
                self.subsections.reset()
                return [section]
            self.subsections.reset()
            return []
        found = _PLAIN_CANADIAN_PART.match(text)
        if found:
            return [Token("part", found.group("num"), 5, found.group("num"), lookahead=True)]
        plain = re.match(r"^(?P<num>\d+\.\d+[A-Z]?)\s+(?P<rest>\(1\)\s.*)$", text)
        if plain and order_key(plain.group("num"), decimal=True) > (ctx.last_article_key or ()):
            self.subsections.reset()
            return [section_token(plain.group("num")), self.subsections.match(plain.group("rest"), None)]
        subsection = self.subsections.match(text, ctx)
        return [subsection] if subsection else []
