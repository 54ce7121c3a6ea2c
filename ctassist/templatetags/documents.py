"""Links to a document in each of the six languages, and the direction of text typed by people."""

from django import template
from django.conf import settings
from django.utils.html import conditional_escape, format_html

from ctassist.documents.fonts import direction_of, keep_left_to_right
from ctassist.languages import UN_LANGUAGES, data_language, django_language, text_direction

register = template.Library()
_NATIVE_NAMES = dict(settings.LANGUAGES)


@register.simple_tag
def document_languages() -> list[tuple[str, str]]:
    """`{% document_languages as languages %}`: (code, name in that language) for ar zh en fr ru es."""
    return [(code, _NATIVE_NAMES[django_language(code)]) for code in UN_LANGUAGES]


@register.filter
def own_direction(text):
    """`{{ activity.title|own_direction }}`: the text, escaped, inside `<span dir="…">` when its
    direction differs from the document's (an English title in an Arabic table keeps its
    closing bracket at its end); plain escaped text otherwise."""
    text = str(text or "")
    direction = direction_of(text)
    if direction == text_direction(data_language()):
        return conditional_escape(text)
    return format_html('<span dir="{}">{}</span>', direction, text)


@register.filter
def direction(text) -> str:
    """`<td dir="{{ activity.title|direction }}">`: rtl or ltr by the text's first strong letter."""
    return direction_of(str(text or ""))


@register.filter
def left_to_right(text) -> str:
    """`{{ date|date:"Y-m-d"|left_to_right }}`: a date that stays 2006-04-13 in Arabic text."""
    return keep_left_to_right(str(text))
