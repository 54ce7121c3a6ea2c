import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from ctassist.collation import ByName
from plans.models import Plan, Step


class PlanForm(forms.ModelForm):
    # No status: a plan moves along its lifecycle with the buttons of its page (Plan.lifecycle).
    class Meta:
        model = Plan
        fields = [
            "state",
            "kind",
            "title",
            "established_on",
            "members",
            "instruments",
            "requests",
            "notes",
        ]
        widgets = {
            "established_on": forms.DateInput(attrs={"type": "date"}),
            "members": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "instruments": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, focal_point=False, **kwargs):
        super().__init__(*args, **kwargs)
        if focal_point:
            # A focal point keeps its plan up to date, but which state it belongs to and which
            # requests it answers are staff's planning decisions.
            del self.fields["state"]
            del self.fields["requests"]
            return
        self.fields["state"].to_field_name = "iso3"  # states are named by ISO3 everywhere
        self.fields["state"].iterator = ByName
        self.fields["requests"].queryset = self.fields["requests"].queryset.select_related("state")

    def clean(self):
        cleaned = super().clean()
        state, requests = cleaned.get("state"), cleaned.get("requests")
        if state and requests:
            foreign = [r for r in requests if r.state_id != state.id]
            if foreign:
                self.add_error("requests", _("A plan answers requests of its own state only."))
        return cleaned


class StepForm(forms.ModelForm):
    class Meta:
        model = Step
        fields = ["position", "title", "due_on", "done_on", "notes"]
        widgets = {
            "due_on": forms.DateInput(attrs={"type": "date"}),
            "done_on": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def clean_done_on(self):
        done_on = self.cleaned_data.get("done_on")
        if done_on and done_on > datetime.date.today():
            raise forms.ValidationError(_("A step cannot be done on a date still to come."))
        return done_on
