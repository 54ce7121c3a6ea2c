"""Reading plain text or Markdown into lines: numbered as in the text, without Markdown."""

import re
from dataclasses import dataclass, field

from .rules import Token


@dataclass
class Line:
    no: int  # 1-based, in the text as given
    text: str  # Markdown removed, indentation kept
    level: int = 0  # Markdown heading level
    bold: bool = False  # the whole line was bold (a marginal note, a defined term)
    role: str = "text"  # text, blank, skip, omission, token, heading, title
    tokens: list[Token] = field(default_factory=list)

    @property
    def stripped(self) -> str:
        return self.text.strip()


_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(?=\S)")
_BOLD_LINE = re.compile(r"\s*\*{2,3}[^*]+(?:\*\*[^*]+\*\*[^*]*)*\*{2,3}\s*")
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]]*\]")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_ITALIC = re.compile(r"(?<![\w*\\])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_COMMENT = re.compile(r"<!--.*?-->")
_DETAILS = re.compile(r"\s*<details\b")
OMISSION = re.compile(r"^(?:\[\s*(?:\.\s*){3}\]|\[…\]|\(\s*(?:\.\s*){3}\)|…|\.{3})$")


def clean_inline(text: str) -> str:
    if "[" in text:
        text = _LINK.sub(r"\1", _FOOTNOTE_MARK.sub("", text))
    if "*" in text:
        text = _ITALIC.sub(r"\1", text.replace("**", ""))
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "<" in text:
        text = _TAG.sub("", text)
    return text


def read_lines(text: str) -> list[Line]:
    """The text as lines without Markdown: a '# SOURCE:' first line, front matter, HTML comments
    and <details> blocks (editorial notes) are skipped; line numbers stay those of the text."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines: list[Line] = []
    in_comment = in_details = False
    skipped = _front_matter(raw)
    for index, original in enumerate(raw):
        line = Line(no=index + 1, text="")
        lines.append(line)
        value = original
        if index in skipped:
            line.role = "skip"
            continue
        if in_comment:
            if "-->" not in value:
                line.role = "skip"
                continue
            value, in_comment = value.split("-->", 1)[1], False
        if "<!--" in value:
            value = _COMMENT.sub("", value)
        if "<!--" in value:
            value, in_comment = value.split("<!--", 1)[0], True
        if in_details or (value.lstrip().startswith("<details") and _DETAILS.match(value)):
            in_details = "</details>" not in value
            line.role = "skip"
            continue
        start = value.lstrip()[:1]
        if start == "#":
            heading = _HEADING.match(value)
            if heading:
                line.level, value = len(heading.group(1)), heading.group(2)
        elif start == ">":
            value = _QUOTE.sub("", value)
        if start in ("-", "*", "_") and _RULE.match(value):
            value = ""
        line.bold = "**" in value and bool(_BOLD_LINE.fullmatch(value))
        value = clean_inline(value)
        if start in ("-", "*", "+"):
            value = _BULLET.sub(r"\1", value)
        value = value.rstrip()
        line.text = value
        if not value.strip():
            line.role = "blank"
    return lines


def _front_matter(raw: list[str]) -> set[int]:
    """The '# SOURCE:' line and a YAML block between '---' lines at the start."""
    skipped = {0} if raw and raw[0].startswith("# SOURCE:") else set()
    start = next((i for i, value in enumerate(raw) if i not in skipped and value.strip()), None)
    if start is not None and raw[start].strip() == "---":
        end = next((i for i in range(start + 1, min(len(raw), start + 100)) if raw[i].strip() == "---"), None)
        if end is not None:
            skipped.update(range(start, end + 1))
    return skipped
