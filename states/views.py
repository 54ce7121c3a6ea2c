from django.shortcuts import get_object_or_404, render

from accounts.access import Action, check, visible
from ctassist.languages import UN_LANGUAGES, language_name
from participation.forms import OnDateForm
from participation.status import state_overview
from states.forms import StateFilterForm
from states.models import State


def state_list(request):
    form = StateFilterForm(request.GET or None)
    states = sorted(form.filter(visible(request.user, State.objects.with_areas())), key=lambda s: s.name())
    status = 200 if not form.is_bound or form.is_valid() else 400
    return render(request, "states/list.html", {"form": form, "states": states}, status=status)


def state_detail(request, iso3):
    state = get_object_or_404(State.objects.with_areas(), iso3=iso3.upper())
    check(request.user, Action.VIEW, state)
    names = [
        (
            language,
            language_name(language),
            state.names.get(language, ""),
            state.sources.get("names", {}).get(language, ""),
        )
        for language in UN_LANGUAGES
    ]
    form = OnDateForm(request.GET or None)
    overview = state_overview(state, form.on_date())
    return render(
        request, "states/detail.html", {"state": state, "names": names, "overview": overview, "form": form}
    )
