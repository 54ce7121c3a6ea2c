from django.shortcuts import get_object_or_404, render

from accounts.access import Action, check, visible
from ctassist.collation import sorted_by_name
from ctassist.languages import UN_LANGUAGES, language_name
from states.forms import StateFilterForm
from states.models import State


def state_list(request):
    form = StateFilterForm(request.GET or None)
    states = sorted_by_name(form.filter(visible(request.user, State.objects.with_areas())))
    status = 200 if not form.is_bound or form.is_valid() else 400
    return render(request, "states/list.html", {"form": form, "states": states}, status=status)


def state_detail(request, iso3):
    state = get_object_or_404(State.objects.with_areas(), iso3=iso3.upper())
    check(request.user, Action.VIEW, state)
    names = [
        {
            "language": language,
            "language_name": language_name(language),
            "short": state.names.get(language, ""),
            "formal": state.formal_names.get(language, ""),
        }
        for language in UN_LANGUAGES
    ]
    context = {
        "state": state,
        "names": names,
        # The sources of the names, as citations ("key; key"), each cited once.
        "short_sources": "; ".join(dict.fromkeys(state.sources.get("names", {}).values())),
        "formal_sources": "; ".join(dict.fromkeys(state.sources.get("formal_names", {}).values())),
    }
    return render(request, "states/detail.html", context)
