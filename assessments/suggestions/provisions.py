"""The provisions of a segmented law as (number, heading, text) for the suggestions.

Each provision with text of its own is one item. Its number is the segmenter's number; for a
subsection or paragraph it is preceded by the number of its section or article, so that it
can be cited alone: "83.03 (2)", "7 (3.1)", "§ 89c (1)". A subsection without a heading of
its own takes the heading of its section ("Providing, making available, etc., property …").
Chinese articles keep their 款 and items in their text, so a Chinese item is a whole article.
A provision whose whole text is a repeal note ("[Repealed, 2013, c. 9, s. 5]") is left out.
"""

import re
from collections.abc import Iterator

from legislation.document import ParsedLaw, ParsedProvision

# "[Repealed, 2013, c. 9, s. 5]", "[Abrogé, 2013, ch. 9, art. 5]": nothing left to suggest for.
REPEALED_RE = re.compile(r"^\s*\[(repealed|abrogé|abrogée|aufgehoben|derogado)\b[^\]]*\]\s*$", re.IGNORECASE)
ARTICLE_KINDS = frozenset({"article", "section"})
PART_KINDS = frozenset({"subsection", "paragraph", "item"})


def law_provisions(law: ParsedLaw) -> list[tuple[str, str, str]]:
    return list(_walk(law.provisions, "", ""))


def _walk(provisions: list[ParsedProvision], prefix: str, inherited: str) -> Iterator[tuple[str, str, str]]:
    for provision in provisions:
        if provision.kind in PART_KINDS and prefix:
            number = f"{prefix} {provision.number}".strip()
        else:
            number = provision.number
        heading = provision.heading or (inherited if provision.kind in PART_KINDS else "")
        if provision.text.strip() and not REPEALED_RE.match(provision.text):
            yield (number, heading, provision.text)
        if provision.kind in ARTICLE_KINDS:
            yield from _walk(provision.children, provision.number, provision.heading)
        elif provision.kind in PART_KINDS:
            yield from _walk(provision.children, number, heading)
        else:
            yield from _walk(provision.children, prefix, inherited)
