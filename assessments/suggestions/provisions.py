"""The provisions of a segmented law as items for the suggestions.

Each provision with text of its own is one item: LawProvision(number, heading, text, context).

- number: the segmenter's number; for a subsection or paragraph it is preceded by the number
  of its section or article, so that it can be cited alone: "83.03 (2)", "7 (3.1)", "§ 89c (1)";
- heading: its own; for the first subsection of a section, without one, the section's
  (in Canadian statutes the section's marginal note is that of subsection (1): "83.08 (1)"
  is "Freezing of property"); a marginal note "Idem", "the same as before", counts as none;
- context: the headings of the parts, titles and chapters that contain it, outermost first,
  and for a later subsection without a heading of its own the heading of its section, joined
  by " › " ("II Du terrorisme › II Dispositions particulières.", "Terrorism › Financing of
  Terrorism › Providing, making available, etc., property …"): the engine reads it as weak
  evidence of what the provision is about (a section's heading may cover subsections on
  other matters: "Offences committed on aircraft" over s. 7(2) on airports).

Chinese articles keep their 款 and items in their text, so a Chinese item is a whole article.
A provision whose whole text is a repeal note ("[Repealed, 2013, c. 9, s. 5]") is left out.
"""

import re
from collections.abc import Iterator
from typing import NamedTuple

from legislation.document import ParsedLaw, ParsedProvision

# "[Repealed, 2013, c. 9, s. 5]", "[Abrogé, 2013, ch. 9, art. 5]": nothing left to suggest for.
REPEALED_RE = re.compile(r"^\s*\[(repealed|abrogé|abrogée|aufgehoben|derogado)\b[^\]]*\]\s*$", re.IGNORECASE)
ARTICLE_KINDS = frozenset({"article", "section"})
PART_KINDS = frozenset({"subsection", "paragraph", "item"})
CONTEXT_SEPARATOR = " › "
IDEM_RE = re.compile(r"^\s*idem\.?\s*$", re.IGNORECASE)  # "the same as the note before" (Canadian statutes)


class LawProvision(NamedTuple):
    number: str
    heading: str
    text: str
    context: str = ""


def law_provisions(law: ParsedLaw) -> list[LawProvision]:
    return list(_walk(law.provisions, "", "", ()))


def _is_article(provision: ParsedProvision) -> bool:
    """An article or an English section; a section holding articles (节, Abschnitt) is a container."""
    if provision.kind == "article":
        return True
    return provision.kind == "section" and not any(
        child.kind in ARTICLE_KINDS for child in provision.children
    )


def _walk(
    provisions: list[ParsedProvision], prefix: str, inherited: str, containers: tuple[str, ...]
) -> Iterator[LawProvision]:
    first_part = True
    for provision in provisions:
        if provision.kind in PART_KINDS and prefix:
            number = f"{prefix} {provision.number}".strip()
        else:
            number = provision.number
        heading = "" if IDEM_RE.match(provision.heading) else provision.heading
        around = containers
        if provision.kind in PART_KINDS and not heading and inherited:
            if first_part and not IDEM_RE.match(provision.heading):
                heading = inherited  # the section's marginal note is the note of its subsection (1)
            else:
                around = containers + (inherited,)
        if provision.kind in PART_KINDS:
            first_part = False
        if provision.text.strip() and not REPEALED_RE.match(provision.text):
            yield LawProvision(number, heading, provision.text, CONTEXT_SEPARATOR.join(around))
        if _is_article(provision):
            yield from _walk(provision.children, provision.number, provision.heading, containers)
        elif provision.kind in PART_KINDS:
            yield from _walk(provision.children, number, heading or inherited, containers)
        else:  # part, book, title, chapter, section of a code, division, cross-heading
            label = " ".join(piece for piece in (provision.number, provision.heading) if piece).strip()
            yield from _walk(provision.children, prefix, inherited, containers + ((label,) if label else ()))
