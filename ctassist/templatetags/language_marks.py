"""Text in another language than the page's carries its own `lang` and `dir`.

An English clause inside an Arabic page, or a Chinese snippet inside a French search,
keeps its punctuation in place only when the browser knows its language and direction.
"""

from django import template
from django.utils.html import format_html

from ctassist import languages
from ctassist.languages import data_language, text_direction


def _language(code: str) -> str:
    """ "zh-hans" → "zh"; a language outside the six (German laws: "de") stays itself."""
    code = (code or "en").lower()
    return "zh" if code.startswith("zh") else code.split("-")[0]


register = template.Library()


@register.filter
def in_language(text, language: str):
    """`{{ clause|in_language:"en" }}`: the text, escaped, marked with its language where
    that differs from the page's; plain escaped text otherwise."""
    if text in (None, ""):
        return ""
    language = _language(language)
    if language == data_language():
        return format_html("{}", text)
    return format_html('<span lang="{}" dir="{}">{}</span>', language, text_direction(language), text)


@register.simple_tag
def language_attributes(language: str):
    """`<p {% language_attributes "zh" %}>`: lang and dir attributes for a block element."""
    language = _language(language)
    return format_html('lang="{}" dir="{}"', language, text_direction(language))


@register.filter
def language_name(code: str) -> str:
    """`{{ law.language|language_name }}`: a language code named in the page's language
    ("zh" → "Chinese" on an English page, "中文" on a Chinese one; "de" → "German")."""
    return languages.language_name(_language(code))
