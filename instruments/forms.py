from django import forms
from django.utils.translation import gettext_lazy as _

from instruments.models import Depositary

# Written as years ("1960–1969"), which read the same in every language.
DECADES = [(str(year), f"{year}–{year + 9}") for year in range(1960, 2020, 10)]


class InstrumentFilterForm(forms.Form):
    depositary = forms.ChoiceField(
        label=_("Depositary"),
        required=False,
        choices=[("", _("All depositaries")), *Depositary.choices],
    )
    decade = forms.ChoiceField(
        label=_("Adopted in the decade"),
        required=False,
        choices=[("", _("All decades")), *DECADES],
    )

    def filter(self, queryset):
        if not self.is_bound:
            return queryset
        if not self.is_valid():
            return queryset.none()
        if self.cleaned_data["depositary"]:
            queryset = queryset.filter(depositary=self.cleaned_data["depositary"])
        if self.cleaned_data["decade"]:
            start = int(self.cleaned_data["decade"])
            queryset = queryset.filter(adoption_date__year__gte=start, adoption_date__year__lt=start + 10)
        return queryset
