from django.contrib import admin

from accounts.admin import AccessPolicyAdmin
from ctassist.lifecycle import StatusReadOnlyOnceCreated
from plans.models import Plan, Step


class StepInline(admin.TabularInline):
    model = Step
    extra = 1
    fields = ["position", "title", "due_on", "done_on", "notes"]


@admin.register(Plan)
class PlanAdmin(StatusReadOnlyOnceCreated, AccessPolicyAdmin):
    list_display = ["title", "state", "kind", "status", "established_on", "demonstration"]
    list_filter = ["kind", "status", "demonstration"]
    search_fields = ["title", "state__iso3"]
    autocomplete_fields = ["state"]
    filter_horizontal = ["instruments", "requests"]
    inlines = [StepInline]
