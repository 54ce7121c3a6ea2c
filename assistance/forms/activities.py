"""Forms of the activity pages: the filters of the list, planning an activity, participant counts."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.access import visible
from assistance.forms.requests import ThematicAreasField
from assistance.models import Activity, ActivityKind, ActivityStatus, AssistanceRequest, ParticipantCount
from ctassist.collation import ByName
from projects.models import Project
from states.models import State


class ActivityFilterForm(forms.Form):
    state = forms.ModelChoiceField(
        label=_("State"),
        queryset=State.objects.all(),
        to_field_name="iso3",
        required=False,
        empty_label=_("All states"),
    )
    state.iterator = ByName  # states in the order of their names in the page's language
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *ActivityKind.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *ActivityStatus.choices]
    )
    project = forms.ModelChoiceField(
        label=_("Project"),
        queryset=Project.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("All projects"),
    )
    field_order = ["state", "kind", "status", "from", "to", "project"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        projects = visible(user, Project.objects.all())
        if projects.exists():
            self.fields["project"].queryset = projects
        else:
            del self.fields["project"]

    def filter(self, activities):
        if not self.is_bound:
            return activities
        if not self.is_valid():
            return activities.none()
        data = self.cleaned_data
        return activities.filter_by(
            state=data["state"].iso3 if data["state"] else None,
            kind=data["kind"],
            status=data["status"],
            starts_from=data["from"],
            ends_by=data["to"],
            project=data["project"].code if data.get("project") else None,
        )


# "from" and "to" are Python keywords, yet they are the query parameters of the page and the API.
ActivityFilterForm.base_fields["from"] = forms.DateField(
    label=_("Running on or after"), required=False, widget=forms.DateInput(attrs={"type": "date"})
)
ActivityFilterForm.base_fields["to"] = forms.DateField(
    label=_("Running on or before"), required=False, widget=forms.DateInput(attrs={"type": "date"})
)


class AnswersRequests:
    """For an activity's form: the model's rule that every activity answers a request is
    judged on the requests and states given in the form, which are saved after the record."""

    answering = None  # a request the new activity answers, added by the view after saving

    def clean(self):
        cleaned = super().clean()
        if "requests" in self.fields:
            answers = list(cleaned.get("requests") or [])
        else:
            answers = list(self.instance.requests.all()) if self.instance.pk else []
        if self.answering is not None:
            answers.append(self.answering)
        self.instance.answers = answers
        if "participating_states" in self.fields:
            self.instance.involved = list(cleaned.get("participating_states") or [])
        return cleaned


class PlanActivityForm(AnswersRequests, forms.ModelForm):
    """Staff plan an activity, usually in answer to a request (see `for_request`)."""

    thematic_areas = ThematicAreasField()

    class Meta:
        model = Activity
        fields = [
            "title",
            "kind",
            "starts_on",
            "ends_on",
            "place",
            "host_state",
            "participating_states",
            "partners",
            "instruments",
            "thematic_areas",
            "project",
            "requests",
            "held_without_request_reason",
            "status",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
            "participating_states": forms.SelectMultiple(attrs={"size": 8}),
            "instruments": forms.CheckboxSelectMultiple,
            "requests": forms.SelectMultiple(attrs={"size": 6}),
            "held_without_request_reason": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, answering=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.answering = answering
        self.fields["requests"].queryset = AssistanceRequest.objects.select_related("state")
        for name in ("host_state", "participating_states"):
            self.fields[name].to_field_name = "iso3"  # states are named by ISO3 everywhere
            self.fields[name].iterator = ByName
        if answering is not None and not self.is_bound:
            # Start from what the state asked for; staff adjust.
            self.initial.update(
                host_state=answering.state.iso3,
                participating_states=[answering.state.iso3],
                instruments=[i.id for i in answering.instruments.all()],
                thematic_areas=answering.thematic_areas,
                requests=[answering.id],
            )


class ParticipantCountForm(forms.ModelForm):
    class Meta:
        model = ParticipantCount
        fields = ["state", "role", "gender", "count"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].to_field_name = "iso3"
        self.fields["state"].iterator = ByName
        # A count whose source gives no state (loaded from a report) keeps none; staff
        # entering participants name the state.
        self.fields["state"].required = not (self.instance.pk and self.instance.state_id is None)
        if self.instance.pk:
            # The initial value must be the state itself for the select to show its ISO3.
            self.initial["state"] = self.instance.state


ParticipantCountFormSet = forms.inlineformset_factory(
    Activity, ParticipantCount, form=ParticipantCountForm, extra=3, can_delete=True
)
