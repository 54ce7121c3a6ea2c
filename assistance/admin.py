from django import forms
from django.contrib import admin

from accounts.access import Action, can
from accounts.admin import AccessPolicyAdmin
from assistance.forms.activities import AnswersRequests
from assistance.forms.requests import ThematicAreasField
from assistance.models import Activity, AssistanceRequest, ParticipantCount
from ctassist.lifecycle import StatusReadOnlyOnceCreated


@admin.register(AssistanceRequest)
class AssistanceRequestAdmin(StatusReadOnlyOnceCreated, AccessPolicyAdmin):
    list_display = ["state", "origin", "received_on", "status", "confidential", "demonstration"]
    list_filter = ["status", "origin", "confidential", "demonstration"]
    autocomplete_fields = ["state"]
    filter_horizontal = ["instruments"]


class ParticipantCountInline(admin.TabularInline):
    """Participants of an activity, as counts; permissions from accounts.access like the admins."""

    model = ParticipantCount
    extra = 0
    autocomplete_fields = ["state"]

    def has_view_permission(self, request, obj=None):
        return can(request.user, Action.VIEW, obj) and request.user.is_staff

    def has_change_permission(self, request, obj=None):
        return can(request.user, Action.CHANGE, obj) and request.user.is_staff

    has_add_permission = has_delete_permission = has_change_permission


class ActivityAdminForm(AnswersRequests, forms.ModelForm):
    """The thematic areas as boxes to tick rather than JSON; the admin supplies model and fields."""

    thematic_areas = ThematicAreasField()


@admin.register(Activity)
class ActivityAdmin(StatusReadOnlyOnceCreated, AccessPolicyAdmin):
    form = ActivityAdminForm
    inlines = [ParticipantCountInline]
    list_display = [
        "title",
        "kind",
        "starts_on",
        "ends_on",
        "status",
        "host_state",
        "project",
        "demonstration",
    ]
    list_filter = ["kind", "status", "demonstration", "project"]
    search_fields = ["title", "place"]
    autocomplete_fields = ["host_state", "project"]
    filter_horizontal = ["participating_states", "instruments", "requests", "experts"]
