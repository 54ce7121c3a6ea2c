"""The legal-basis finder: which universal instruments bind two states for an offence on a date."""

import datetime

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from accounts.access import visible
from cooperation.legal_basis import find_legal_basis
from cooperation.offences import OFFENCES
from ctassist.collation import ByName
from states.models import State

# Django's own message (translated in its catalogues), which names the value refused.
NAMES_THE_VALUE = {"invalid_choice": forms.ChoiceField.default_error_messages["invalid_choice"]}


class LegalBasisForm(forms.Form):
    requesting = forms.ModelChoiceField(
        label=_("Requesting State"),
        queryset=State.objects.none(),
        to_field_name="iso3",
        error_messages=NAMES_THE_VALUE,
    )
    requested = forms.ModelChoiceField(
        label=_("Requested State"),
        queryset=State.objects.none(),
        to_field_name="iso3",
        error_messages=NAMES_THE_VALUE,
    )
    offence = forms.ChoiceField(label=_("Offence"))
    on = forms.DateField(
        label=_("Date"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, states, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("requesting", "requested"):
            self.fields[name].iterator = ByName  # before the queryset, which fills the choices
            self.fields[name].queryset = states
        self.fields["offence"].choices = [(o.code, o.label) for o in OFFENCES]

    def clean(self):
        data = super().clean()
        if data.get("requesting") and data.get("requesting") == data.get("requested"):
            self.add_error("requested", _("Choose two different States."))
        return data


def finder(request):
    form = LegalBasisForm(request.GET or None, states=visible(request.user, State.objects.all()))
    basis = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        basis = find_legal_basis(
            data["requesting"],
            data["requested"],
            _offence(data["offence"]),
            data["on"] or datetime.date.today(),
        )
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "cooperation/legal_basis.html", {"form": form, "basis": basis}, status=status)


def _offence(code):
    return next(o for o in OFFENCES if o.code == code)
