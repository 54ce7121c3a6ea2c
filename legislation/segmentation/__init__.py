"""Segmentation of a law's text into a tree of provisions.

    from legislation.segmentation import segment
    law = segment(text, "zh")  # a legislation.document.ParsedLaw

`language` is an ISO 639-1 code: zh, en, fr, es, ru, ar, de ('zh-hans', 'en-CA' … are read by
their first part); another language raises SegmentationError. The text is plain or Markdown:
a '# SOURCE:' first line, YAML front matter, HTML comments and <details> blocks (editorial
notes such as Canada's historical notes) are left out; emphasis, links and list bullets are
removed from the text, indentation and line breaks kept.

- title: a first '# ' heading, or a short first line followed by a blank line, that is not a
  provision; preamble: the text between it and the first provision.
- number: the label as written. Chinese, Russian, Arabic and German keep the word
  (第一百二十条之一, Статья 205.1, المادة 3, § 89a, Vierter Titel); English, French and Spanish
  give the number only (83.02, (1), 421-2-2, 5 bis).
- eid: the path of AKN abbreviations and numbers, 'part_2__chp_2__art_120-1'; numbers in words
  or Chinese numerals become digits (之一 → -1, Vierter → 4, الثالثة → 3), Roman numerals stay
  (title_II); an unnumbered provision counts among its kind ('part_nn_1'); a number repeated
  under one parent gets '_2', '_3'.
- Unnumbered Markdown headings take the kind of the numbered headings at their level, or
  become cross-headings (kind subdivision) over the articles that follow; a bold line just
  before a subsection is its marginal note (heading); after an omission mark '[...]' the next
  article starts again at the top level, since the extract does not say where it sits.
- SegmentationError(message, line, excerpt) when no provision is found (the line is the first
  line of content) or when article numbers go backwards (except when they start again at 1 in a
  new container).

Each language has its module of rules (zh.py, en.py …); core.py nests what they find.
"""

from legislation.document import ParsedLaw, SegmentationError

from .ar import ArabicRules
from .core import segment_with
from .de import GermanRules
from .en import EnglishRules
from .es import SpanishRules
from .fr import FrenchRules
from .ru import RussianRules
from .rules import Rules
from .zh import ChineseRules

RULES: dict[str, type[Rules]] = {
    "zh": ChineseRules,
    "en": EnglishRules,
    "fr": FrenchRules,
    "es": SpanishRules,
    "ru": RussianRules,
    "ar": ArabicRules,
    "de": GermanRules,
}
LANGUAGES = tuple(RULES)

__all__ = ["LANGUAGES", "segment"]


def segment(text: str, language: str) -> ParsedLaw:
    """The law in `text` as a tree of provisions, by the numbering conventions of `language`."""
    code = (language or "").replace("_", "-").split("-")[0].lower()
    if code not in RULES:
        known = ", ".join(LANGUAGES)
        raise SegmentationError(f"no segmentation rules for language {language!r}; known: {known}")
    return segment_with(text, RULES[code]())
