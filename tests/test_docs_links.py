"""Every relative link in README.md and docs/*.md leads to a file that exists."""

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
# [text](target "title") inline, and [label]: target reference definitions.
INLINE = re.compile(r"\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*$", re.MULTILINE)
OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)  # http:, mailto:, //host, #anchor


def relative_links(page: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)  # code is not a link
    text = re.sub(r"`[^`\n]*`", "", text)
    links = INLINE.findall(text) + REFERENCE.findall(text)
    return [link for link in links if not OUTSIDE.match(link)]


def broken_links(page: Path) -> list[str]:
    return [
        link for link in relative_links(page) if not (page.parent / link.split("#")[0].split("?")[0]).exists()
    ]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(REPO).as_posix())
def test_every_relative_link_leads_to_a_file(page):
    assert broken_links(page) == []


def test_the_pages_do_link_to_each_other():
    assert "docs/legislation.md" in relative_links(REPO / "README.md")
    assert sum(len(relative_links(page)) for page in PAGES) > 10


def test_a_link_to_a_missing_file_is_found(tmp_path):
    (tmp_path / "there.md").write_text("here", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "[ok](there.md#part) [gone](gone.md) [web](https://example.org/x.md) [top](#top)\n"
        "`[code](not-a-link.md)`\n\n[ref]: missing/ref.md\n",
        encoding="utf-8",
    )
    assert broken_links(page) == ["gone.md", "missing/ref.md"]
