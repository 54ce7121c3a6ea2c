"""What segmentation shares across languages: the tree of provisions.

The language's `Rules` say which lines open a provision. This module finds the title and the
preamble, gives unnumbered Markdown headings a kind, attaches marginal notes, nests the
provisions by rank, joins their text, assigns the eIds, and raises a SegmentationError naming
the line where the numbering goes wrong or where no provision could be found.
"""

from legislation.document import ParsedLaw, ParsedProvision, SegmentationError

from .enumeration import EnumerationRules
from .numerals import eid_part
from .reading import OMISSION, Line, read_lines
from .rules import ARTICLE, CROSS_HEADING, Context, Rules, Token, heading_like

EID_PREFIX = {
    "part": "part",
    "book": "book",
    "title": "title",
    "chapter": "chp",
    "section": "sec",
    "subsection": "subsec",
    "division": "dvs",
    "subdivision": "subdvs",
    "article": "art",
    "paragraph": "para",
    "item": "item",
}


def _classify(lines: list[Line], rules: Rules) -> int:
    """Asks the rules about every line; returns how many tokens were found."""
    content = [i for i, line in enumerate(lines) if line.role == "text"]
    ctx = Context()
    found = 0
    previous_number = ""
    container_since = False
    for position, i in enumerate(content):
        line = lines[i]
        stripped = line.stripped
        ctx.after_blank = position == 0 or lines[i - 1].role in ("blank", "skip") or lines[i - 1].level > 0
        ctx.next = lines[content[position + 1]].stripped if position + 1 < len(content) else ""
        if OMISSION.match(stripped):
            line.role = "omission"
        elif rules.noise(stripped):
            line.role = "skip"
        else:
            line.tokens = rules.match(stripped, line.level > 0, ctx)
            if line.tokens:
                line.role = "token"
                found += len(line.tokens)
            elif line.level:
                line.role = "heading"
                container_since = True
        for token in line.tokens:
            if token.rank < ARTICLE:
                container_since = True
            if token.rank != ARTICLE or token.key is None:
                continue
            last = ctx.last_article_key
            if last is not None and token.key < last and not (container_since and token.key[0] <= 1):
                raise SegmentationError(
                    f"the numbering goes backwards ({token.number} after {previous_number}); "
                    "segmentation stopped",
                    line.no,
                    stripped,
                )
            ctx.last_article_key, previous_number, container_since = token.key, token.number, False
        ctx.previous = stripped
        ctx.after_heading = bool(line.tokens) or line.level > 0
    return found


def _find_title(lines: list[Line]) -> None:
    for index, line in enumerate(lines):
        if line.role in ("skip", "blank"):
            continue
        if line.role == "heading" and line.level == 1:
            line.role = "title"
        elif line.role == "text" and not line.level:
            following = next((other for other in lines[index + 1 :] if other.role != "skip"), None)
            text = line.stripped
            if (following is None or following.role == "blank") and heading_like(text, 120):
                if not text.endswith("."):
                    line.role = "title"
        return


def _resolve_headings(lines: list[Line]) -> None:
    """Unnumbered Markdown headings take the kind of numbered ones at the same level; at the level
    of the articles they are cross-headings over the following articles."""
    level_kind: dict[int, tuple[str, int]] = {}
    article_levels: set[int] = set()
    for line in lines:
        if line.role == "token" and line.level:
            for token in line.tokens:
                if token.rank < ARTICLE:
                    level_kind.setdefault(line.level, (token.kind, token.rank))
                elif token.rank == ARTICLE:
                    article_levels.add(line.level)
    for line in lines:
        if line.role != "heading":
            continue
        if line.level in level_kind:
            kind, rank = level_kind[line.level]
        elif article_levels and line.level > max(article_levels):
            line.role = "text"  # a heading inside an article stays in its text
            continue
        elif article_levels and line.level >= min(article_levels):
            kind, rank = "subdivision", CROSS_HEADING
        elif line.level <= 2:
            kind, rank = "part", 10
        else:
            kind, rank = "division", 50
        line.role = "token"
        line.tokens = [Token(kind, "", rank, heading=line.stripped)]


def _attach_headings(lines: list[Line]) -> None:
    """A bold line before a subsection is its marginal note; a plain container label alone on its
    line ('第一章', 'PART II.1') may have its heading on the next line."""
    previous: int | None = None
    for index, line in enumerate(lines):
        if line.role in ("blank", "skip"):
            continue
        if line.role == "token" and previous is not None:
            before = lines[previous]
            first = line.tokens[0]
            if before.role == "token" and before.bold and first.rank > ARTICLE:
                if all(token.rank < ARTICLE for token in before.tokens):
                    before.role, before.tokens = "text", []  # '**Part 6**' before '(2)'
            if before.role == "text" and before.bold and first.rank >= ARTICLE and not first.heading:
                first.heading, before.role = before.stripped, "skip"
        previous = index
    for index, line in enumerate(lines):
        if line.role != "token" or line.level or not line.tokens[-1].lookahead or line.tokens[-1].heading:
            continue
        after = range(index + 1, len(lines))
        following = next((i for i in after if lines[i].role not in ("blank", "skip")), None)
        if following is not None and lines[following].role == "text":
            text = lines[following].stripped
            if heading_like(text, 100) and not text.endswith("."):
                line.tokens[-1].heading, lines[following].role = text, "skip"


def _join(parts: list[str]) -> str:
    out: list[str] = []
    for part in parts:
        if part.strip():
            out.append(part.rstrip())
        elif out and out[-1]:
            out.append("")
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _build(lines: list[Line]) -> tuple[ParsedLaw, dict[int, str]]:
    law = ParsedLaw()
    eid_nums: dict[int, str] = {}
    texts: dict[int, list[str]] = {}
    preamble: list[str] = []
    current = preamble
    stack: list[tuple[int, ParsedProvision]] = []
    after_gap = False
    for line in lines:
        if line.role == "title":
            law.title = line.stripped
        elif line.role == "blank":
            current.append("")
        elif line.role == "omission":
            after_gap = True  # an extract leaves out text: what follows may sit elsewhere
        elif line.role == "text":
            current.append(line.text)
        elif line.role == "token":
            for token in line.tokens:
                if after_gap and token.rank <= ARTICLE:
                    stack.clear()
                after_gap = False
                while stack and stack[-1][0] >= token.rank:
                    stack.pop()
                provision = ParsedProvision(token.kind, token.number, token.heading.strip(), line=line.no)
                (stack[-1][1].children if stack else law.provisions).append(provision)
                stack.append((token.rank, provision))
                eid_nums[id(provision)] = token.eid_num
                current = texts.setdefault(id(provision), [])
                if token.text:
                    current.append(token.text)
    law.preamble = _join(preamble)
    for provision in law.walk():
        provision.text = _join(texts.get(id(provision), []))
    return law, eid_nums


def _assign_eids(provisions: list[ParsedProvision], eid_nums: dict[int, str], prefix: str = "") -> None:
    used: set[str] = set()
    unnumbered: dict[str, int] = {}
    for provision in provisions:
        number = eid_part(eid_nums.get(id(provision), ""))
        if not number:
            unnumbered[provision.kind] = unnumbered.get(provision.kind, 0) + 1
            number = f"nn_{unnumbered[provision.kind]}"
        base = candidate = f"{EID_PREFIX[provision.kind]}_{number}"
        repeat = 1
        while candidate in used:  # the same number twice under one parent
            repeat += 1
            candidate = f"{base}_{repeat}"
        used.add(candidate)
        provision.eid = f"{prefix}__{candidate}" if prefix else candidate
        _assign_eids(provision.children, eid_nums, provision.eid)


def _first_content(lines: list[Line]) -> Line | None:
    return next((line for line in lines if line.role not in ("skip", "blank", "title")), None)


def segment_with(text: str, rules: Rules) -> ParsedLaw:
    lines = read_lines(text)
    found = _classify(lines, rules)
    attempts = [rules.fallback(), EnumerationRules()]
    while not found and attempts:
        fallback = attempts.pop(0)
        if fallback is None:
            continue
        lines = read_lines(text)
        found = _classify(lines, fallback)
    _find_title(lines)
    if not found:
        first = _first_content(lines)
        if first is None:
            raise SegmentationError("the text has no content to segment", 1)
        raise SegmentationError(
            "no provision found: no line reads as an article, section or numbered heading "
            f"in the {rules.language or 'given'} conventions",
            first.no,
            first.stripped,
        )
    _resolve_headings(lines)
    _attach_headings(lines)
    law, eid_nums = _build(lines)
    _assign_eids(law.provisions, eid_nums)
    return law
