"""The fonts of each language, for PDF (WeasyPrint, through fontconfig) and DOCX.

Debian's fonts-noto-core and fonts-noto-cjk provide them (`make system-packages`). Each
language's own font comes first; the others follow so that a name in another script (an
Arabic state name in an English table) still has its glyphs."""

import unicodedata

from ctassist.languages import data_language, text_direction

LATIN = "Noto Sans"  # Latin, Greek and Cyrillic: en, fr, es, ru
ARABIC = "Noto Naskh Arabic"
CHINESE = "Noto Sans CJK SC"

_FIRST = {"ar": ARABIC, "zh": CHINESE}

# How Word names the language of a run (w:lang); Word knows languages by region.
WORD_LANGUAGE = {
    "ar": "ar-SA",
    "zh": "zh-CN",
    "en": "en-GB",
    "fr": "fr-FR",
    "ru": "ru-RU",
    "es": "es-ES",
}


def font_stack(language: str) -> list[str]:
    """The fonts to try, in order, for text in `language`."""
    first = _FIRST.get(data_language(language), LATIN)
    return [first, *(font for font in (LATIN, ARABIC, CHINESE) if font != first)]


def css_font_family(language: str) -> str:
    return ", ".join(f'"{font}"' for font in font_stack(language))


def is_right_to_left(language: str) -> bool:
    return text_direction(language) == "rtl"


def direction_of(text: str, default: str | None = None) -> str:
    """ "rtl" or "ltr" by the text's first letter of a strong direction (as HTML's dir="auto"),
    else `default` (the active language's direction). Text typed by people (a title, a
    reasoning) may be in any language: in an Arabic document, an English title laid out
    right to left would move its closing bracket and full stop to the wrong end."""
    for character in text or "":
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return default or text_direction(data_language())


LEFT_TO_RIGHT_MARK = "\u200e"


def keep_left_to_right(text: str) -> str:
    """A date or a code ("2006-04-13") to be read left to right inside right-to-left text.

    After an Arabic word, the Unicode bidirectional algorithm takes digits for Arabic
    numbers and lays "2006-04-13" out as "13-04-2006". A left-to-right mark before it (an
    invisible character that every renderer, Excel included, knows) keeps it as written."""
    if text and text_direction(data_language()) == "rtl":
        return LEFT_TO_RIGHT_MARK + text
    return text
