from django.contrib import admin

from accounts.admin import AccessPolicyAdmin
from assistance.models import Activity, AssistanceRequest


@admin.register(AssistanceRequest)
class AssistanceRequestAdmin(AccessPolicyAdmin):
    list_display = ["state", "origin", "received_on", "status", "confidential", "demonstration"]
    list_filter = ["status", "origin", "confidential", "demonstration"]
    autocomplete_fields = ["state"]
    filter_horizontal = ["instruments"]


@admin.register(Activity)
class ActivityAdmin(AccessPolicyAdmin):
    list_display = ["title", "kind", "starts_on", "ends_on", "status", "host_state", "demonstration"]
    list_filter = ["kind", "status", "demonstration"]
    search_fields = ["title", "place"]
    autocomplete_fields = ["host_state"]
    filter_horizontal = ["participating_states", "instruments", "requests"]
