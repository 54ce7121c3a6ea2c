"""A first visit follows the browser's language.

English pages have no prefix (/instruments/), the five other languages do (/fr/instruments/).
Django's LocaleMiddleware treats every unprefixed path as English, so a reader whose browser
asks for French would land on English pages. On a visit to an unprefixed page by a reader who
has not chosen a language yet (no language cookie), this sends them to the same page in the
language their browser prefers. Choosing a language in the switcher sets the cookie; a reader
who chose English stays on English.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_path, get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header

# Pages outside i18n_patterns, which have no language prefix in any language.
UNPREFIXED = ("/api/", "/static/", "/i18n/", "/media/")


def preferred_language(request) -> str | None:
    """The reader's chosen language (cookie), else the first supported one the browser asks for."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen:
        try:
            return get_supported_language_variant(chosen)
        except LookupError:
            pass
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code == "*":
            break
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return None


class BrowserLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            request.method in ("GET", "HEAD")
            and not path.startswith(UNPREFIXED)
            and not get_language_from_path(path)
        ):
            language = preferred_language(request)
            if language and language != settings.LANGUAGE_CODE:
                # i18n_patterns resolve only the active language's prefix.
                with translation.override(language):
                    valid = is_valid_path(f"/{language}{path}", getattr(request, "urlconf", None))
                if valid:
                    response = HttpResponseRedirect(f"/{language}{request.get_full_path()}")
                    patch_vary_headers(response, ("Accept-Language", "Cookie"))
                    return response
        return self.get_response(request)
