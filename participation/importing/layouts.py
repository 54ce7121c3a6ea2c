"""Reading each supported layout into the same list of parsed actions.

No database access here: a layout only turns lines into (state name, kind, date, raw)
rows and collects the problems it sees, each with its line and field.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from participation.importing.dates import parse_date
from participation.importing.errors import Problem
from participation.models import ActionKind, Statement

CSV_COLUMNS = ["state", "instrument", "kind", "date", "raw", "notes", "source", "as_at"]
CSV_OPTIONAL = ["text", "withdrawn_on", "licence"]
STATEMENT_KINDS = {Statement.Kind.RESERVATION, Statement.Kind.DECLARATION}

# Suffixes of the UN Treaty Collection tables after a date of consent.
UNTC_SUFFIXES = {
    "": ActionKind.RATIFICATION,
    "a": ActionKind.ACCESSION,
    "A": ActionKind.ACCEPTANCE,
    "AA": ActionKind.APPROVAL,
    "d": ActionKind.SUCCESSION,
}
_UNTC_DATE = re.compile(r"^(\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})\s*(AA|A|a|d|s)?\s*[\d,\s]*$")
_FOOTNOTE = re.compile(r"(\s*\(\d+\))+$|[\s\d,*]+$")
_DATE_FOOTNOTE = re.compile(r"(\s*\(\d+\))+$")
_EMPTY = {"", "-", "–", "—"}


@dataclass
class ParsedStatement:
    kind: str
    text: str
    date: datetime.date | None
    withdrawn_on: datetime.date | None


@dataclass
class ParsedAction:
    line: int
    state_text: str
    instrument: str | None
    kind: str
    date: datetime.date
    raw: str
    notes: str = ""
    source: str = ""
    as_at: datetime.date | None = None
    statements: list[ParsedStatement] = field(default_factory=list)


@dataclass
class ParsedFile:
    path: Path
    layout: str
    header: dict[str, str]
    actions: list[ParsedAction]
    problems: list[Problem]

    def problem(self, line: int | None, field_name: str | None, message: str) -> None:
        self.problems.append(Problem(self.path.name, line, field_name, message))


def _header_comments(lines: list[str]) -> dict[str, str]:
    """`# SOURCE: … | STATUS AS AT: … | LICENCE: …` and `# INSTRUMENT: slug` lines."""
    header: dict[str, str] = {}
    for line in lines:
        if not line.startswith("#"):
            continue
        for part in line.lstrip("#").split(" | "):
            key, sep, value = part.partition(":")
            if sep:
                header.setdefault(key.strip().upper(), value.strip())
    return header


def read_text(path: Path, max_bytes: int = 20 * 1024 * 1024) -> str:
    size = path.stat().st_size
    if size > max_bytes:
        raise ValueError(f"{size} bytes is more than the {max_bytes} bytes a status list may have")
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (byte {exc.start}); save the file as UTF-8") from None


LAYOUTS = ("csv", "untc", "icao")


def _recognise(first: str) -> str:
    columns = [c.strip().lower() for c in next(csv.reader([first]))]
    if all(name in columns for name in ("state", "instrument", "kind", "date")):
        return "csv"
    if first.lower().startswith("participant"):
        return "untc"
    if first.lower().startswith("state") and "deposit" in first.lower():
        return "icao"
    return ""


def parse_file(path: Path, text: str, layout: str | None = None) -> ParsedFile:
    """Read `text` in the layout its first row shows; `layout` ("csv", "untc", "icao")
    insists on one and refuses a file whose first row is not that layout's heading."""
    from participation.importing.icao import parse_icao

    lines = text.splitlines()
    header = _header_comments(lines)
    content = [
        (number, line)
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.startswith("#")
    ]
    parsed = ParsedFile(path, "", header, [], [])
    if not content:
        parsed.problem(None, None, "the file has no rows")
        return parsed
    first_number, first = content[0]
    recognised = _recognise(first)
    if layout and recognised != layout:
        parsed.problem(
            first_number,
            None,
            f"the first row is not the heading of the {layout} layout "
            + {
                "csv": f"({','.join(CSV_COLUMNS)})",
                "untc": "(Participant<TAB>Signature<TAB>Ratification, Accession(a)…)",
                "icao": "(State<TAB>Date of signature<TAB>Date of deposit of instrument of …)",
            }[layout],
        )
        return parsed
    parsed.layout = recognised
    if recognised == "csv":
        _parse_csv(parsed, text)
    elif recognised == "untc":
        _parse_untc(parsed, content)
    elif recognised == "icao":
        parse_icao(parsed, content)
    else:
        parsed.problem(
            first_number,
            None,
            "unknown layout: the first row should be the CSV header "
            f"({','.join(CSV_COLUMNS)}), a UN Treaty Collection header starting "
            "'Participant', or an ICAO header starting 'State' with a 'deposit' column",
        )
    return parsed


def _date(parsed: ParsedFile, number: int, field_name: str, value: str) -> datetime.date | None:
    try:
        return parse_date(value)
    except ValueError as exc:
        parsed.problem(number, field_name, str(exc))
        return None


def _parse_csv(parsed: ParsedFile, text: str) -> None:
    body = "\n".join("" if line.startswith("#") else line for line in text.splitlines())
    reader = csv.DictReader(io.StringIO(body))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        parsed.problem(None, None, f"missing column(s): {', '.join(missing)}")
        return
    kinds = set(ActionKind.values) | STATEMENT_KINDS
    for row in reader:
        number = reader.line_num
        if None in row or any(value is None for value in row.values()):
            parsed.problem(number, None, "wrong number of fields")
            continue
        kind = row["kind"].strip().lower()
        if kind not in kinds:
            parsed.problem(number, "kind", f"{row['kind']!r} is not one of {', '.join(sorted(kinds))}")
            continue
        date = _date(parsed, number, "date", row["date"])
        as_at = _date(parsed, number, "as_at", row["as_at"]) if row["as_at"].strip() else None
        if not row["source"].strip():
            parsed.problem(number, "source", "every row needs the status list it comes from")
        if not row["state"].strip():
            parsed.problem(number, "state", "a value is required")
        if date is None:
            continue
        statements = []
        if kind in STATEMENT_KINDS:
            text_value = (row.get("text") or "").strip()
            if not text_value:
                parsed.problem(number, "text", f"a {kind} needs its text")
                continue
            withdrawn = row.get("withdrawn_on", "").strip()
            statements.append(
                ParsedStatement(
                    kind,
                    text_value,
                    date,
                    _date(parsed, number, "withdrawn_on", withdrawn) if withdrawn else None,
                )
            )
        parsed.actions.append(
            ParsedAction(
                number,
                row["state"].strip(),
                row["instrument"].strip() or None,
                kind,
                date,
                row["raw"].strip(),
                row["notes"].strip(),
                row["source"].strip(),
                as_at,
                statements,
            )
        )
        if row.get("licence"):
            parsed.header.setdefault("LICENCE", row["licence"].strip())


def _untc_cell(parsed: ParsedFile, number: int, field_name: str, cell: str):
    match = _UNTC_DATE.match(cell)
    if not match:
        parsed.problem(number, field_name, f"{cell!r} is not a date ctassist can read (e.g. '24 Sep 2003 a')")
        return None, None
    date = _date(parsed, number, field_name, match.group(1))
    return date, match.group(2) or ""


def _participant(cell: str) -> str:
    name = cell.strip()
    if name.startswith("[") and "]" in name:  # a participant that has left the treaty
        name = name[1 : name.index("]")]
    return _FOOTNOTE.sub("", name).strip()


def _parse_untc(parsed: ParsedFile, content: list[tuple[int, str]]) -> None:
    header_number, header_line = content[0]
    headers = [h.strip().lower() for h in header_line.split("\t")]
    if len(headers) < 3:
        parsed.problem(
            header_number,
            None,
            "the UN Treaty Collection table needs tab-separated columns "
            "Participant, Signature and Ratification, Accession(a)…",
        )
        return
    denunciation_column = next(
        (i for i, h in enumerate(headers) if "denunciation" in h or "withdrawal" in h), None
    )
    for number, line in content[1:]:
        cells = [cell.strip() for cell in line.split("\t")]
        state = _participant(cells[0])
        if not state:
            parsed.problem(number, "Participant", "a value is required")
            continue
        if len(cells) > 1 and cells[1]:
            date, suffix = _untc_cell(parsed, number, "Signature", cells[1])
            if date:
                notes = {"d": "succession to signature", "s": "definitive signature"}.get(suffix, "")
                parsed.actions.append(
                    ParsedAction(number, state, None, ActionKind.SIGNATURE, date, cells[1], notes)
                )
        if len(cells) > 2 and cells[2]:
            date, suffix = _untc_cell(parsed, number, "Ratification", cells[2])
            if date:
                parsed.actions.append(
                    ParsedAction(
                        number,
                        state,
                        None,
                        UNTC_SUFFIXES.get(suffix, ActionKind.RATIFICATION),
                        date,
                        cells[2],
                    )
                )
        if (
            denunciation_column is not None
            and len(cells) > denunciation_column
            and cells[denunciation_column]
        ):
            date, _suffix = _untc_cell(parsed, number, "Denunciation", cells[denunciation_column])
            if date:
                parsed.actions.append(
                    ParsedAction(
                        number, state, None, ActionKind.DENUNCIATION, date, cells[denunciation_column]
                    )
                )
