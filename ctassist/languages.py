"""The six UN languages, as the data and the API name them and as Django names them."""

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
