import datetime
from urllib.parse import urlsplit

from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from accounts.access import is_staff_member, role_of, state_of
from instruments.models import Instrument
from participation.summary import instrument_figures, newest_actions
from states.models import State


def home(request):
    role = role_of(request.user)
    context = {
        "instrument_count": Instrument.objects.count(),
        "state_count": State.objects.count(),
        "figures": instrument_figures(datetime.date.today()),
        "newest_actions": newest_actions(),
        "role": role,
        "is_staff": is_staff_member(request.user),
        "own_state": State.objects.filter(id=state_of(request.user)).first(),
    }
    return render(request, "home.html", context)


@require_POST
def switch_language(request):
    """Django's set_language, translating the `next` page from the language of its own prefix.

    Unprefixed paths are English (prefix_default_language=False), so set_language
    would otherwise fail to resolve a prefixed page such as /zh-hans/instruments/.
    """
    next_path = urlsplit(request.POST.get("next", "")).path
    language = translation.get_language_from_path(next_path)
    if language:
        translation.activate(language)
    return set_language(request)
