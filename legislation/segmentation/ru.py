"""Russian: Раздел / Подраздел / Глава / Параграф containers and 'Статья 205.1. Содействие …'
articles; the heading follows the number. Parts (1. …) and notes (Примечание.) stay in the text.
"""

import re

from .numerals import ROMAN_NUMERAL, order_key
from .rules import ARTICLE, Context, Rules, Token, heading_like

_CONTAINERS = {
    "раздел": ("part", 10),
    "подраздел": ("title", 20),
    "глава": ("chapter", 30),
    "параграф": ("section", 40),
    "§": ("section", 40),
}
_CONTAINER = re.compile(
    r"^(?P<label>РАЗДЕЛ|Раздел|ПОДРАЗДЕЛ|Подраздел|ГЛАВА|Глава|ПАРАГРАФ|Параграф|§)\s*"
    rf"(?P<num>(?:{ROMAN_NUMERAL}|\d+)(?:\.\d+)*)(?=$|[\s.:—–-])\.?\s*(?:[—–-]\s*)?(?P<head>.*)$"
)
_ARTICLE = re.compile(
    r"^(?P<label>(?:СТАТЬЯ|Статья|Ст\.)\s*(?P<num>\d+(?:[.\-]\d+)*))(?P<sep>\.\s*|\s*$|\s+[—–-]\s*|\s{2,})(?P<rest>.*)$"
)


class RussianRules(Rules):
    language = "ru"

    def match(self, text: str, heading: bool, ctx: Context) -> list[Token]:
        found = _CONTAINER.match(text)
        if found and (heading or found.group("label").isupper() or heading_like(text, 200)):
            kind, rank = _CONTAINERS[found.group("label").lower()]
            number = found.group("num")
            label = text[: found.end("num")]
            return [Token(kind, label, rank, number, found.group("head").strip(), lookahead=not heading)]
        found = _ARTICLE.match(text)
        if found:
            number = found.group("num")
            rest = found.group("rest").strip()
            key = order_key(number.replace("-", "."))
            token = Token("article", found.group("label"), ARTICLE, number, key=key)
            if rest and (heading or len(rest) <= 300):
                token.heading = rest  # Russian articles carry their heading after the number
            else:
                token.text = rest
            return [token]
        return []
