"""Excerpts of search hits: about 200 characters around the first match, HTML-escaped,
the matching words in <mark>. A word matches when its index term is one of the query's
terms (for Chinese, the jieba tokens of the text that the query has)."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from thesaurus.analysis import token_spans

WIDTH = 200
BEFORE = 60  # characters of context before the first match
ELLIPSIS = "…"


def provision_text(heading: str, text: str) -> str:
    """What a snippet is cut from: heading and text, white space collapsed."""
    heading, text = " ".join((heading or "").split()), " ".join((text or "").split())
    return f"{heading} — {text}" if heading and text else heading or text


def snippet_html(
    heading: str, text: str, language: str, terms: frozenset[str], width: int = WIDTH
) -> SafeString:
    source = provision_text(heading, text)
    marks = _merge([(start, end) for token, start, end in token_spans(source, language) if token in terms])
    start, end = _window(source, marks, width)
    html, position = [], start
    for mark_start, mark_end in marks:
        if mark_end <= start or mark_start >= end:
            continue
        mark_start, mark_end = max(mark_start, start), min(mark_end, end)
        html.append(escape(source[position:mark_start]))
        html.append(f"<mark>{escape(source[mark_start:mark_end])}</mark>")
        position = mark_end
    html.append(escape(source[position:end]))
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(source) else ""
    return mark_safe(prefix + "".join(html).strip() + suffix)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _window(source: str, marks: list[tuple[int, int]], width: int) -> tuple[int, int]:
    if len(source) <= width:
        return 0, len(source)
    first = marks[0][0] if marks else 0
    start = max(0, first - BEFORE)
    end = min(len(source), start + width)
    start = max(0, min(start, end - width))
    if start > 0:
        # Begin after a space when one is near, rather than inside a word.
        space = source.find(" ", start, min(first, start + 20))
        if space != -1:
            start = space + 1
    if end < len(source):
        space = source.rfind(" ", max(start, end - 25), end)
        if space > first:
            end = space
        for mark_start, mark_end in marks:  # never cut a marked word
            if mark_start < end < mark_end:
                end = mark_end
    return start, end
