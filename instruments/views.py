from django.shortcuts import get_object_or_404, render

from accounts.access import Action, check, may_see_provenance, visible
from ctassist.languages import language_name
from instruments.forms import InstrumentFilterForm
from instruments.models import Instrument


def instrument_list(request):
    form = InstrumentFilterForm(request.GET or None)
    instruments = form.filter(visible(request.user, Instrument.objects.with_titles()))
    status = 200 if not form.is_bound or form.is_valid() else 400
    return render(request, "instruments/list.html", {"form": form, "instruments": instruments}, status=status)


def instrument_detail(request, slug):
    instrument = get_object_or_404(Instrument.objects.with_titles().select_related("relates_to"), slug=slug)
    check(request.user, Action.VIEW, instrument)
    titles = [
        (language, language_name(language), title)
        for language, title in instrument.titles_by_language().items()
    ]
    # Staff see the provenance of each title as it was gathered; readers see the citations.
    show_provenance = may_see_provenance(request.user)
    return render(
        request,
        "instruments/detail.html",
        {"instrument": instrument, "titles": titles, "show_provenance": show_provenance},
    )
