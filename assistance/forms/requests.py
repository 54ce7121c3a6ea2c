from django import forms
from django.utils.translation import gettext_lazy as _

from assistance.models import AssistanceRequest, Origin
from ctassist.collation import ByName
from strategy.forms import ThematicAreasField

__all__ = ["RequestForm", "ThematicAreasField"]


class RequestForm(forms.ModelForm):
    thematic_areas = ThematicAreasField()

    class Meta:
        model = AssistanceRequest
        fields = [
            "state",
            "origin",
            "received_on",
            "needs",
            "priorities",
            "instruments",
            "thematic_areas",
            "confidential",
        ]
        widgets = {
            "received_on": forms.DateInput(attrs={"type": "date"}),
            "needs": forms.Textarea(attrs={"rows": 4}),
            "priorities": forms.Textarea(attrs={"rows": 3}),
            "instruments": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, focal_point_state=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].to_field_name = "iso3"  # states are named by ISO3 everywhere
        self.fields["state"].iterator = ByName
        if focal_point_state is not None:
            # A focal point speaks for its own state only.
            self.fields["state"].queryset = self.fields["state"].queryset.filter(id=focal_point_state.id)
            self.fields["state"].initial = focal_point_state
            self.fields["origin"].choices = [(Origin.STATE, Origin.STATE.label)]


class AdvanceForm(forms.Form):
    to = forms.CharField(max_length=16)
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
