"""The six UN languages, as the data and the API name them and as Django names them."""

from typing import NamedTuple

from django.utils.translation import get_language, get_language_info

UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")

_DJANGO_TO_DATA = {"zh-hans": "zh"}
_DATA_TO_DJANGO = {value: key for key, value in _DJANGO_TO_DATA.items()}


def data_language(django_code: str | None = None) -> str:
    """The data-file language code ("zh") for a Django language code ("zh-hans")."""
    code = (django_code or get_language() or "en").lower()
    code = _DJANGO_TO_DATA.get(code, code)
    base = code.split("-")[0]
    return base if base in UN_LANGUAGES else "en"


def django_language(data_code: str) -> str:
    return _DATA_TO_DJANGO.get(data_code, data_code)


def babel_locale(data_code: str) -> str:
    return {"zh": "zh_Hans"}.get(data_code, data_code)


def language_name(data_code: str) -> str:
    """The language's name in the current interface language."""
    return get_language_info(django_language(data_code))["name_translated"]


RIGHT_TO_LEFT = frozenset({"ar"})


def text_direction(data_code: str) -> str:
    """ "rtl" for Arabic, "ltr" for the other five languages."""
    return "rtl" if data_language(data_code) in RIGHT_TO_LEFT else "ltr"


class InLanguage(NamedTuple):
    """A text and the language it is actually in, which may not be the one asked for."""

    text: str
    language: str


def text_in_language(rows, field: str, language: str | None = None, last_resort: str = "") -> InLanguage:
    """The text of `field` among per-language `rows` (each with a `language`) in the language
    asked (the reader's by default), else in English, else in the first of the six that has
    one; `last_resort` (in English) where none has. A missing translation is never invented."""
    by_language = {row.language: getattr(row, field) for row in rows if getattr(row, field)}
    language = data_language(language)
    for wanted in (language, "en", *UN_LANGUAGES):
        if by_language.get(wanted):
            return InLanguage(by_language[wanted], wanted)
    return InLanguage(last_resort, "en" if last_resort else language)
