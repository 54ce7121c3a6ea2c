"""What a language's rules produce and may look at.

A language module supplies a `Rules` subclass whose `match` says which lines open a provision:
a `Token` with its kind, the number as written and a rank (a provision contains the following
ones of a larger rank). core.py does the rest.
"""

from dataclasses import dataclass

ARTICLE = 70  # rank of the basic unit: 条, article, section (common law), §, статья, مادة
CROSS_HEADING = ARTICLE - 5  # an unnumbered heading over a group of articles


@dataclass
class Token:
    kind: str
    number: str  # the label as written
    rank: int  # a provision contains the following ones of a larger rank
    eid_num: str = ""  # the number as it appears in the eId; "" for an unnumbered provision
    heading: str = ""
    text: str = ""  # what follows the label on the same line
    key: tuple[int, ...] | None = None  # order of article numbers, for the check
    lookahead: bool = False  # a container whose heading may stand on the next line


@dataclass
class Context:
    """What rules may know besides the line itself."""

    previous: str = ""  # the previous non-blank line
    after_blank: bool = True  # the line follows a blank line (or starts the text)
    after_heading: bool = False  # the previous non-blank line opened a provision or was a heading
    next: str = ""  # the next non-blank line
    last_article_key: tuple[int, ...] | None = None


class Rules:
    """One language's conventions; a new instance for each text (rules may keep state)."""

    language = ""

    def match(self, text: str, heading: bool, ctx: Context) -> list[Token]:
        return []

    def noise(self, text: str) -> bool:
        """Lines that are not part of the law (page headers of a printed gazette)."""
        return False

    def fallback(self) -> "Rules | None":
        """Rules to try when these find no provision at all."""
        return None


NOT_A_HEADING_END = tuple(",;:，；：、。")  # a line ending so goes on, or is a sentence


def heading_like(text: str, limit: int = 100) -> bool:
    """A short line that reads as a heading rather than a sentence."""
    return 0 < len(text) <= limit and not text.endswith(NOT_A_HEADING_END) and not text[0].islower()


def later(key: tuple[int, ...] | None, than: tuple[int, ...] | None) -> bool:
    return key is not None and (than is None or key > than)
