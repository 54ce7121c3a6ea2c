import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from states.forms import StateFilterForm


class OnDateField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"})

    def __init__(self, **kwargs):
        super().__init__(label=_("Status on"), required=False, input_formats=["%Y-%m-%d"], **kwargs)


class OnDateForm(forms.Form):
    on = OnDateField()

    def on_date(self) -> datetime.date:
        if self.is_bound and self.is_valid() and self.cleaned_data.get("on"):
            return self.cleaned_data["on"]
        return datetime.date.today()


class MatrixFilterForm(StateFilterForm):
    on = OnDateField()

    def on_date(self) -> datetime.date:
        return OnDateForm.on_date(self)
