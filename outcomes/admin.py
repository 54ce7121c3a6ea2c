from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.admin import AccessPolicyAdmin
from ctassist.lifecycle import StatusReadOnlyOnceCreated
from outcomes.models import Outcome, OutcomeStatus


class OutcomeForm(forms.ModelForm):
    class Meta:
        model = Outcome
        fields = ["activity", "state", "kind", "treaty_action", "law", "status", "reason"]

    def clean(self):
        cleaned = super().clean()
        activity, state = cleaned.get("activity"), cleaned.get("state")
        action, law = cleaned.get("treaty_action"), cleaned.get("law")
        if activity and state and state.id not in activity.state_ids():
            self.add_error("state", _("The state must be the host of the activity or take part in it."))
        for field, record in (("treaty_action", action), ("law", law)):
            if record and state and record.state_id != state.id:
                self.add_error(field, _("It must be of the outcome's state."))
        return cleaned


@admin.register(Outcome)
class OutcomeAdmin(StatusReadOnlyOnceCreated, AccessPolicyAdmin):
    """Where staff link a law to the activity that led to it; ratifications come as proposals."""

    form = OutcomeForm
    list_display = ["activity", "state", "kind", "status", "decided_on"]
    list_filter = ["kind", "status"]
    search_fields = ["activity__title", "state__iso3"]
    autocomplete_fields = ["state"]
    raw_id_fields = ["activity", "treaty_action", "law"]
    readonly_fields = ["decided_by", "decided_on"]

    def save_model(self, request, obj, form, change):
        if not change and obj.status != OutcomeStatus.PROPOSED:
            obj.decided_by, obj.decided_on = request.user, timezone.now()
        super().save_model(request, obj, form, change)
