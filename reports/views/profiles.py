"""A state's country profile: the page and its PDF, for the reader who asks
(reports/profile.py decides, through accounts/access.py, what that reader may see)."""

from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from accounts.access import Action, check
from ctassist.demonstration import mark_demonstration
from ctassist.languages import UN_LANGUAGES, data_language
from reports.profile import build
from reports.profile_documents import profile_pdf
from states.models import State


def _state(request, iso3: str) -> State:
    state = get_object_or_404(State.objects.with_areas(), iso3=iso3.upper())
    check(request.user, Action.VIEW, state)
    return state


def profile_page(request, iso3):
    state = _state(request, iso3)
    profile = build(state, request.user)
    mark_demonstration(request, profile.shows_demonstration)
    return render(request, "reports/profile.html", {"profile": profile, "state": state})


def profile_document(request, iso3):
    """The PDF in the page's language, or in `?language=` (ar zh en fr ru es)."""
    state = _state(request, iso3)
    language = request.GET.get("language") or data_language()
    if language not in UN_LANGUAGES:
        return HttpResponseBadRequest(
            _("language: %(value)s is not one of %(languages)s.")
            % {"value": language, "languages": ", ".join(UN_LANGUAGES)}
        )
    response = HttpResponse(profile_pdf(state, request.user, language), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="profile-{state.iso3}-{language}.pdf"'
    # What it holds depends on who asks: never kept by a shared cache.
    response["Cache-Control"] = "private"
    return response
