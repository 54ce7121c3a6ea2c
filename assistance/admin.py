from django.contrib import admin

from accounts.admin import AccessPolicyAdmin
from assistance.models import AssistanceRequest


@admin.register(AssistanceRequest)
class AssistanceRequestAdmin(AccessPolicyAdmin):
    list_display = ["state", "origin", "received_on", "status", "confidential", "demonstration"]
    list_filter = ["status", "origin", "confidential", "demonstration"]
    autocomplete_fields = ["state"]
    filter_horizontal = ["instruments"]
