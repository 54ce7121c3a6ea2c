"""Spanish: Libro / Título / Capítulo / Sección / Subsección containers, 'Artículo 5', 'Artículo 5 bis',
'Artículo 1.º Objeto.' articles and the final dispositions ('Disposición adicional primera').

The numbered parts of an article (1., 2., a), b)) stay in its text.
"""

import re

from .numerals import (
    LATIN_SUFFIX,
    ROMAN_NUMERAL,
    SPANISH_ORDINAL,
    latin_suffix_rank,
    roman_to_int,
    spanish_ordinal,
    strip_accents,
)
from .rules import ARTICLE, Context, Rules, Token, heading_like

_CONTAINERS = {
    "libro": ("book", 10),
    "titulo": ("title", 20),
    "capitulo": ("chapter", 30),
    "seccion": ("section", 40),
    "subseccion": ("subsection", 45),
}
_LABEL = (
    r"LIBRO|Libro|T[ÍI]TULO|T[íi]tulo|CAP[ÍI]TULO|Cap[íi]tulo|"
    r"SECCI[ÓO]N|Secci[óo]n|SUBSECCI[ÓO]N|Subsecci[óo]n"
)
_CONTAINER = re.compile(
    rf"^(?P<label>{_LABEL})\s+(?P<num>(?:{ROMAN_NUMERAL}|\d+)(?:\s*(?:\.?[ªºo]))?(?:\s+(?:{LATIN_SUFFIX}))?|"
    rf"(?i:preliminar|[úu]nico|{SPANISH_ORDINAL}))(?=$|[\s.:—–-])\s*(?:[.:—–-]+\s*)?(?P<head>.*)$"
)
_ARTICLE = re.compile(
    r"^(?:ART[ÍI]CULO|Art[íi]culo|Art\.)\s+"
    rf"(?P<num>(?P<digits>\d+)(?:\s*\.?[ºo](?=[\s.]|$))?(?:\s+(?P<suffix>{LATIN_SUFFIX})\b)?|"
    rf"(?i:[úu]nico|{SPANISH_ORDINAL}))(?P<sep>\s*[.:—–-]+\s*|\s*$|(?<=[ºª])\s+)(?P<rest>.*)$"
)
_DISPOSITION = re.compile(
    r"^(?P<num>Disposici[óo]n\s+(?P<type>adicional|transitoria|derogatoria|final)\s+"
    rf"(?P<ord>(?i:[úu]nica|{SPANISH_ORDINAL})))(?P<sep>\s*[.:—–-]+\s*|\s*$)(?P<rest>.*)$",
    re.IGNORECASE,
)
_DISPOSITION_GROUP = re.compile(
    r"^(?:DISPOSICI[ÓO]N|Disposici[óo]n|DISPOSICIONES|Disposiciones)\s+"
    r"(?:ADICIONAL|TRANSITORIA|DEROGATORIA|FINAL|adicional|transitoria|derogatoria|final)(?:ES|es)?$"
)


def _split_heading(rest: str, heading: bool) -> tuple[str, str]:
    """'Objeto.' after the number is a heading; a whole sentence is the text."""
    if heading:
        return rest, ""
    if rest and len(rest) <= 100 and rest.count(". ") == 0 and not rest.endswith(tuple(",;:")):
        if len(rest.split()) <= 12:
            return rest, ""
    return "", rest


def _number_eid(number: str) -> str:
    ordinal = spanish_ordinal(number)
    if ordinal:
        return str(ordinal)
    number = re.sub(r"(?<=\d)\s*\.?[ªºo]$", "", number)
    return number if roman_to_int(number) or number.isdigit() else number.lower()


class SpanishRules(Rules):
    language = "es"

    def match(self, text: str, heading: bool, ctx: Context) -> list[Token]:
        found = _CONTAINER.match(text)
        if found and (heading or found.group("label").isupper() or heading_like(text)):
            kind, rank = _CONTAINERS[strip_accents(found.group("label").lower())]
            number, head = found.group("num"), found.group("head").strip()
            return [Token(kind, number, rank, _number_eid(number), head, lookahead=not heading)]
        if _DISPOSITION_GROUP.match(text) and (heading or heading_like(text)):
            return [Token("division", "", 15, heading=text)]
        found = _ARTICLE.match(text)
        if found:
            number = found.group("num")
            if found.group("digits"):
                key: tuple[int, ...] | None = (int(found.group("digits")),)
                eid = found.group("digits")
                if found.group("suffix"):
                    key += (latin_suffix_rank(found.group("suffix")) or 0,)
                    eid += f"-{found.group('suffix').lower()}"
                    number = f"{found.group('digits')} {found.group('suffix')}"
            else:
                ordinal = spanish_ordinal(number)
                key, eid = ((ordinal,) if ordinal else None), _number_eid(number)
            head, rest = _split_heading(found.group("rest").strip(), heading)
            return [Token("article", number, ARTICLE, eid, head, rest, key=key)]
        found = _DISPOSITION.match(text)
        if found:
            ordinal = spanish_ordinal(found.group("ord"))
            eid = f"{found.group('type').lower()}-{ordinal or found.group('ord').lower()}"
            head, rest = _split_heading(found.group("rest").strip(), heading)
            return [Token("article", found.group("num"), ARTICLE, eid, head, rest)]
        return []
