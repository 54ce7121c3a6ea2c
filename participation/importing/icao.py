"""The ICAO list of parties, as staff save it: the table copied as tab-separated text.

    # SOURCE: … | STATUS AS AT: YYYY-MM-DD
    State<TAB>Date of signature<TAB>Date of deposit of instrument of ratification,
        accession (a) or succession (s)[<TAB>Effective date]     (one line)
    Afghanistan<TAB>16 December 1970<TAB>29 August 1979
    Albania<TAB>-<TAB>21 October 1997 (a)

Each row's action type is the one the list gives it. Where the deposit column's heading
carries a legend ("accession (a) or succession (s)"), a marked date is of that type and an
unmarked one is of the one type the heading names without a mark ("ratification"). Only a
heading without a legend ("ratification, accession or succession") leaves the type open;
then a state that signed is recorded as ratifying and one that did not as acceding, and
the action's notes say so.
"""

import re

from participation.importing.layouts import (
    _DATE_FOOTNOTE,
    _EMPTY,
    ParsedAction,
    ParsedFile,
    _date,
    _participant,
)
from participation.models import ActionKind

# Words the deposit column's heading uses for each type of instrument.
KIND_WORDS = {
    "ratification": ActionKind.RATIFICATION,
    "accession": ActionKind.ACCESSION,
    "acceptance": ActionKind.ACCEPTANCE,
    "approval": ActionKind.APPROVAL,
    "succession": ActionKind.SUCCESSION,
}
# Marks read when the heading has no legend (lists that mark some rows all the same).
DEFAULT_MARKS = {
    "r": ActionKind.RATIFICATION,
    "a": ActionKind.ACCESSION,
    "ac": ActionKind.ACCEPTANCE,
    "aa": ActionKind.APPROVAL,
    "ap": ActionKind.APPROVAL,
    "s": ActionKind.SUCCESSION,
}
_LEGEND_ENTRY = re.compile(r"\b(" + "|".join(KIND_WORDS) + r")\s*\(([A-Za-z]{1,2})\)", re.IGNORECASE)
_KIND_WORD = re.compile(r"\b(" + "|".join(KIND_WORDS) + r")\b", re.IGNORECASE)
_MARKED = re.compile(r"^(.*?)\s*\(([A-Za-z]{1,2})\)\s*$")


class Legend:
    """What the deposit column's heading says about the marks after a date."""

    def __init__(self, heading: str):
        self.marks = {mark: KIND_WORDS[word.lower()] for word, mark in _LEGEND_ENTRY.findall(heading)}
        named = {KIND_WORDS[word.lower()] for word in _KIND_WORD.findall(heading)}
        unmarked = named - set(self.marks.values())
        self.unmarked = unmarked.pop() if self.marks and len(unmarked) == 1 else None

    def kind(self, cell: str, signed: bool):
        """(kind, date text, note) for a deposit cell; the note says when the list left the type open."""
        match = _MARKED.match(cell)
        if self.marks:
            if match and match.group(2) in self.marks:
                return self.marks[match.group(2)], match.group(1), ""
            if match is None or not match.group(2).isalpha():
                if self.unmarked:
                    return self.unmarked, _DATE_FOOTNOTE.sub("", cell), ""
            else:
                return None, match.group(2), ""
        elif match and match.group(2).lower() in DEFAULT_MARKS:
            return DEFAULT_MARKS[match.group(2).lower()], match.group(1), ""
        kind = ActionKind.RATIFICATION if signed else ActionKind.ACCESSION
        note = (
            f"the list does not say which instrument was deposited; {kind} because the "
            f"state {'signed' if signed else 'did not sign'}"
        )
        return kind, _DATE_FOOTNOTE.sub("", cell), note


def parse_icao(parsed: ParsedFile, content: list[tuple[int, str]]) -> None:
    header_number, header_line = content[0]
    original = [h.strip() for h in header_line.split("\t")]
    headers = [h.lower() for h in original]
    try:
        signature_column = next(i for i, h in enumerate(headers) if "signature" in h)
        deposit_column = next(i for i, h in enumerate(headers) if "deposit" in h)
    except StopIteration:
        parsed.problem(
            header_number,
            None,
            "the ICAO list needs tab-separated columns State, "
            "Date of signature, Date of deposit …, Effective date",
        )
        return
    effective_column = next((i for i, h in enumerate(headers) if "effective" in h), None)
    legend = Legend(original[deposit_column])
    for number, line in content[1:]:
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) > len(headers):
            parsed.problem(number, None, f"{len(cells)} fields where the heading has {len(headers)}")
            continue
        cells += [""] * (len(headers) - len(cells))
        state = _participant(cells[0])
        if not state:
            parsed.problem(number, "State", "a value is required")
            continue
        signed = cells[signature_column] not in _EMPTY
        if signed:
            date = _date(parsed, number, "Date of signature", _DATE_FOOTNOTE.sub("", cells[signature_column]))
            if date:
                parsed.actions.append(
                    ParsedAction(number, state, None, ActionKind.SIGNATURE, date, cells[signature_column])
                )
        cell = cells[deposit_column]
        if cell in _EMPTY:
            continue
        kind, date_text, note = legend.kind(cell, signed)
        if kind is None:
            parsed.problem(
                number,
                "Date of deposit",
                f"the mark ({date_text}) is not in the column's legend "
                f"({', '.join(f'({m})' for m in legend.marks)})",
            )
            continue
        date = _date(parsed, number, "Date of deposit", date_text)
        if date is None:
            continue
        notes = [note] if note else []
        if effective_column is not None and cells[effective_column] not in _EMPTY:
            notes.append(f"effective date on the list: {cells[effective_column]}")
        parsed.actions.append(ParsedAction(number, state, None, kind, date, cell, "; ".join(notes)))
