"""PDF documents: a Django template, rendered in the document's language, printed by
WeasyPrint with the Noto fonts embedded.

Templates extend `documents/base.html`, which sets `lang` and `dir` on the root (Pango and
HarfBuzz then shape Arabic and lay it out right to left), the page size, and the footer
with the page numbers. Text in another language inside a document is marked with
`{% language_attributes %}` or `|in_language` (ctassist/templatetags/language_marks.py),
which also picks that language's font here."""

import datetime
import logging
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ctassist.documents.fonts import css_font_family, is_right_to_left
from ctassist.languages import UN_LANGUAGES, data_language, django_language

logger = logging.getLogger(__name__)


class FetchRefused(ValueError):
    pass


def _refuse(url: str, *args, **kwargs):
    # Everything a document needs is in its HTML and stylesheet; a URL in it (from user
    # text, say) must not make the server read a file or call out.
    raise FetchRefused(f"documents fetch nothing: {url}")


@lru_cache(maxsize=1)
def stylesheet():
    from weasyprint import CSS  # heavy (Pango, fonts): loaded only when a PDF is made

    fonts = "\n".join(f":lang({code}) {{ font-family: {css_font_family(code)} }}" for code in UN_LANGUAGES)
    # A template only so that it is found (and installed) with the others; it has no tags.
    return CSS(string=render_to_string("documents/document.css") + "\n" + fonts, url_fetcher=_refuse)


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ") + '"'


def page_numbers() -> str:
    """CSS `content` for "page 3 of 12" in the active language."""
    label = _("Page %(number)s of %(pages)s")
    parts = []
    for piece in label.replace("%(pages)s", "\0pages\0").replace("%(number)s", "\0page\0").split("\0"):
        if piece in ("page", "pages"):
            parts.append(f"counter({piece})")
        elif piece:
            parts.append(_css_string(piece))
    return mark_safe(" ".join(parts))  # built from quoted, escaped strings and counters


@dataclass
class DocumentInfo:
    """What documents/base.html needs: the language, direction and page of the document."""

    language: str
    title: str
    landscape: bool = False

    @property
    def direction(self) -> str:
        return "rtl" if is_right_to_left(self.language) else "ltr"

    @property
    def page_size(self) -> str:
        return "A4 landscape" if self.landscape else "A4"

    @property
    def start(self) -> str:
        return "right" if self.direction == "rtl" else "left"

    @property
    def end(self) -> str:
        return "left" if self.direction == "rtl" else "right"


class _MissingGlyphs(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.characters: set[str] = set()

    def emit(self, record):
        if ".notdef" in record.msg:
            self.characters.add(str(record.args[0]))


@contextmanager
def _watching_glyphs():
    """The characters no font had, which WeasyPrint prints as an empty box."""
    handler = _MissingGlyphs()
    weasyprint_logger = logging.getLogger("weasyprint")
    weasyprint_logger.addHandler(handler)
    try:
        yield handler.characters
    finally:
        weasyprint_logger.removeHandler(handler)


def render_pdf(
    template_name: str, context: dict, language: str, title: str, landscape: bool = False
) -> bytes:
    """The template rendered with `language` active, as PDF bytes.

    `title` may be lazy: it is resolved in the document's language."""
    from weasyprint import HTML  # heavy (Pango, fonts): loaded only when a PDF is made

    language = data_language(language)
    with translation.override(django_language(language)):
        document = DocumentInfo(language, str(title), landscape)
        html = render_to_string(
            template_name,
            {
                **context,
                "document": document,
                "page_numbers": page_numbers(),
                "produced_on": date_format(datetime.date.today()),
            },
        )
    with _watching_glyphs() as missing:
        content = HTML(string=html, url_fetcher=_refuse).write_pdf(stylesheets=[stylesheet()])
    if missing:
        logger.error(
            "%s: no installed font has %s; install Debian's fonts-noto-core and fonts-noto-cjk",
            template_name,
            " ".join(f"U+{ord(c):04X}" for c in sorted(missing)),
        )
    return content
