"""Citations as numbered notes, once per page.

    {% load citations %}
    … 1999-12-09{% cite instrument.citations.adoption provenance=instrument.sources.adoption %}
    … {% cite "untc-xviii-11" "status as at 2014-07-10" %}
    {% citation_notes %}   {# at the end of the page: 1. Title. Publisher, date. address. (kind) #}

The same source cited twice on a page keeps its number. Provenance strings (as the data
were gathered: paths, commits, working notes) are listed under the notes for staff only.
"""

import re

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from accounts.access import may_see_provenance
from ctassist.templatetags.language_marks import in_language
from sources.citations import Citation, Register, looks_internal

register = template.Library()

_PAGE_KEY = "_citation_page"
_SCRIPTS = (
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("zh", re.compile(r"[\u3400-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
)


class Page:
    """The citations of one rendered page, in the order they first appear."""

    def __init__(self):
        self.register = Register()
        self.numbers: dict[str, int] = {}
        self.notes: list[Citation] = []
        self.provenance: list[str] = []

    def number(self, citation: Citation) -> int:
        if citation.key not in self.numbers:
            self.numbers[citation.key] = len(self.numbers) + 1
            self.notes.append(citation)
        if citation.provenance and citation.provenance not in self.provenance:
            self.provenance.append(citation.provenance)
        return self.numbers[citation.key]


def page_of(context) -> Page:
    # The bottom layer of the context is shared by the page and everything it includes.
    bottom = context.dicts[0]
    if _PAGE_KEY not in bottom:
        bottom[_PAGE_KEY] = Page()
    return bottom[_PAGE_KEY]


def script_language(text: str) -> str:
    """The language a source's title or publisher is written in, as far as its script
    tells; Latin-script texts of the register are English unless the page says more."""
    for language, pattern in _SCRIPTS:
        if pattern.search(text):
            return language
    return "en"


def marked(text: str, language: str | None = None):
    """Text in its own language: marked with lang and dir where it differs from the page's."""
    if not text:
        return ""
    return in_language(text, language or script_language(text))


def _is_staff(context) -> bool:
    request = context.get("request")
    return bool(request) and sees_provenance(request.user)


@register.simple_tag(takes_context=True)
def cite(context, value, locator="", provenance=""):
    """A superscript note number for each source a value names (see module docstring)."""
    page = page_of(context)
    marks = []
    for citation in page.register.read(str(value or ""), str(locator or ""), str(provenance or "")):
        number = page.number(citation)
        where = format_html(", {}", marked(citation.locator, "en")) if citation.locator else ""
        marks.append(
            format_html(
                '<sup class="cite">[<a href="#source-note-{}" aria-label="{}">{}</a>{}]</sup>',
                number,
                _("source %(number)s") % {"number": number},
                number,
                where,
            )
        )
    return mark_safe("".join(marks))


def reference(citation: Citation, staff: bool = False):
    """One source as a reader can look it up: Title. Publisher, date. address. (kind).
    The register's note (how ctassist read it: copies, commits, files) is for staff."""
    source = citation.source
    if source is None:
        if looks_internal(citation.provenance):
            return format_html("{}", _("A source recorded by staff and not yet in the register of sources."))
        return marked(citation.provenance)
    parts = [format_html("<cite>{}</cite>.", marked(source.title, source.language or None))]
    published = ", ".join(part for part in (source.publisher, source.date) if part)
    if published:
        parts.append(format_html("{}.", marked(published, script_language(source.publisher))))
    if source.is_link:
        parts.append(
            format_html(
                '<a href="{}" class="source-address" dir="ltr" translate="no">{}</a>.', source.url, source.url
            )
        )
    elif source.url:
        parts.append(
            format_html('<span class="source-address" dir="ltr" translate="no">{}</span>.', source.url)
        )
    parts.append(format_html('<span class="source-kind">({})</span>', source.get_kind_display()))
    if staff and source.note:
        parts.append(
            format_html('<br><small class="source-note provenance">{}</small>', marked(source.note, "en"))
        )
    return mark_safe(" ".join(parts))


@register.simple_tag
def source_reference(value, locator=""):
    """A full reference in place, without a note number (lists of sources, e.g. the status
    lists behind a table), followed by the locator."""
    citations = Register().read(str(value or ""), str(locator or ""))
    return format_html_join(
        "; ",
        "{}{}",
        ((reference(c), format_html(" {}", marked(c.locator, "en")) if c.locator else "") for c in citations),
    )


@register.simple_tag(takes_context=True)
def citation_notes(context):
    """The numbered notes of the page, and for staff the provenance as recorded."""
    page = page_of(context)
    if not page.notes:
        return ""
    staff = _is_staff(context)
    return render_to_string(
        "sources/_notes.html",
        {
            "notes": [(page.numbers[c.key], reference(c, staff)) for c in page.notes],
            "provenance": page.provenance if staff else [],
        },
    )


@register.filter
def sees_provenance(user) -> bool:
    """Staff and administrators see where the data were gathered (paths, commits, notes)."""
    return may_see_provenance(user)
