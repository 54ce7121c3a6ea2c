"""A law as a tree of provisions, independent of the database.

Segmentation produces it from text, the converters read it from and write it to DOCX
and Akoma Ntoso, and `legislation.services` saves it as Law / LawVersion / Provision.
The database and the staff's preview hold it as flat rows in document order, each with
its depth: `ParsedLaw.rows` and `ParsedLaw.from_rows` are the one conversion between the two.
"""

import dataclasses
import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class ParsedProvision:
    kind: str  # part, book, title, chapter, section, subsection, division, article, paragraph, item
    number: str  # the label as written: 第一百二十条之一, 83.02, 421-2-2, Статья 205.1, المادة 3, § 89a
    heading: str = ""
    text: str = ""  # this provision's own text, without its children
    children: list["ParsedProvision"] = field(default_factory=list)
    eid: str = ""  # Akoma Ntoso style path id, e.g. "chp_2__art_120-1"; stable across versions
    line: int = 0  # where it starts in the source text (1-based), for error messages

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class ParsedLaw:
    title: str = ""
    preamble: str = ""
    provisions: list[ParsedProvision] = field(default_factory=list)

    def walk(self):
        for provision in self.provisions:
            yield from provision.walk()

    def count(self, kind: str) -> int:
        return sum(1 for provision in self.walk() if provision.kind == kind)

    def rows(self) -> list["ProvisionRow"]:
        """The provisions in document order, each with its depth and the index of its parent."""
        rows: list[ProvisionRow] = []

        def visit(provision: ParsedProvision, depth: int, parent: int | None) -> None:
            rows.append(ProvisionRow(provision, depth, parent))
            index = len(rows) - 1
            for child in provision.children:
                visit(child, depth + 1, index)

        for provision in self.provisions:
            visit(provision, 0, None)
        return rows

    @classmethod
    def from_rows(
        cls, rows: Iterable[tuple[int, ParsedProvision]], *, title: str = "", preamble: str = ""
    ) -> "ParsedLaw":
        """The tree back from (depth, provision) rows in document order; the provisions' own
        children are not read. A depth deeper than one below the row before (a hand-edited
        preview) nests the provision under that row."""
        law, stack = cls(title=title, preamble=preamble), []
        for depth, provision in rows:
            provision = dataclasses.replace(provision, children=[])
            del stack[min(depth, len(stack)) :]
            (stack[-1].children if stack else law.provisions).append(provision)
            stack.append(provision)
        return law


@dataclass(frozen=True)
class ProvisionRow:
    """A provision as a flat row: how deep it is, and the index of its parent's row."""

    provision: ParsedProvision
    depth: int
    parent: int | None


@dataclass
class LawMeta:
    """What the converters need to know of a law besides its provisions."""

    title: str
    language: str  # ISO 639-1: zh en fr ru es ar de …
    state_iso3: str
    state_iso2: str
    kind: str  # constitution, code, act, decree, regulation, judicial-interpretation
    number: str = ""
    adopted_on: datetime.date | None = None
    in_force_on: datetime.date | None = None
    version_date: datetime.date | None = None
    frbr_work: str = ""  # e.g. /akn/cn/act/2015/counter-terrorism-law


class SegmentationError(ValueError):
    """A text that cannot be split into provisions; says where it stopped."""

    def __init__(self, message: str, line: int | None = None, excerpt: str = ""):
        self.line, self.excerpt = line, excerpt
        where = f" at line {line}" if line else ""
        shown = f": {excerpt[:80]!r}" if excerpt else ""
        super().__init__(f"{message}{where}{shown}")


class ConversionError(ValueError):
    """A file that cannot be read as a law (hostile, broken, too large, no text)."""
