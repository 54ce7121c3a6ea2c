from django.shortcuts import render

from instruments.models import Instrument
from states.models import State


def home(request):
    return render(request, "home.html", {
        "instrument_count": Instrument.objects.count(),
        "state_count": State.objects.count(),
    })
