"""The instruments' data in the reader's language, or marked as text in another language.

ctassist ships the authentic English texts of the treaties only, so a clause on an Arabic
page is the English text, carrying lang="en" dir="ltr" and saying so; places and
thresholds are in ctassist's own translations where it has them.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ctassist.languages import data_language, language_name, text_direction
from ctassist.templatetags.language_marks import language_attributes
from sources.templatetags.citations import cite

register = template.Library()


@register.simple_tag
def official_title(instrument, gap_note: bool = True):
    """The official title in the page's language, or the English one marked as English,
    with a visible note of the gap."""
    language = data_language()
    title = instrument.title_in(language)
    if title:
        return format_html("{}", title.title)
    english = instrument.title_in("en")
    text = english.title if english else instrument.short_name
    marked = format_html("<span {}>{}</span>", language_attributes("en"), text)
    if not gap_note:
        return marked
    note = _("No official title in %(language)s is recorded in ctassist; the English title is shown.") % {
        "language": language_name(language)
    }
    return format_html('{} <small class="gap title-gap">{}</small>', marked, note)


@register.filter
def marked_title(instrument):
    """`{{ instrument|marked_title }}`: the official title in the page's language, or the
    English one marked lang="en", without the gap note (for lists and table cells; the
    instrument's own page says the gap once)."""
    return official_title(instrument, gap_note=False)


@register.simple_tag(takes_context=True)
def translated(context, instrument, field: str):
    """A place or threshold in the page's language (ctassist's translation, cited as such),
    or the English text marked as English."""
    text, language = instrument.translated(field)
    if not text:
        return ""
    if language == data_language() and language != "en":
        return format_html("{}{}", text, cite(context, "ctassist-translations"))
    if language == data_language():
        return format_html("{}", text)
    return format_html("<span {}>{}</span>", language_attributes(language), text)


@register.simple_tag
def clause(text: str, language: str):
    """A quoted clause in its own language and direction, labelled when that is not the
    page's language: the authentic English text, or a translation that is not authentic."""
    if not text:
        return ""
    if len(text) > 4 and text[0] == "[" and text[3] == "]":
        text = text[4:].lstrip()  # the "[de] " mark of a clause found only in another language
    page = data_language()
    quote = format_html("<blockquote {}>{}</blockquote>", language_attributes(language), text)
    if language == page:
        return quote
    if language == "en":
        label = _("Authentic text in English; the text in %(language)s is not shipped with ctassist.") % {
            "language": language_name(page)
        }
    else:
        label = _(
            "Text in %(language)s, not an authentic text of the treaty; the authentic texts are not "
            "shipped with ctassist."
        ) % {"language": language_name(language)}
    return format_html('{}<p class="text-language-note">{}</p>', quote, label)


@register.simple_tag
def summary_in_english(text: str):
    """ctassist's own English summary (a special rule), marked and labelled on other pages."""
    if not text:
        return ""
    page = data_language()
    if page == "en":
        return format_html("{}", text)
    label = _("ctassist's summary in English; not translated into %(language)s.") % {
        "language": language_name(page)
    }
    return format_html(
        '<span {}>{}</span> <small class="text-language-note">({})</small>',
        language_attributes("en"),
        text,
        label,
    )


@register.filter
def direction(language: str) -> str:
    return text_direction(language)
