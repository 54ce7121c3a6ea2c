from django.contrib import admin

from accounts.admin import AccessPolicyAdmin
from participation.models import Statement, StatusSource, TreatyAction


class StatementInline(admin.StackedInline):
    model = Statement
    extra = 0


@admin.register(TreatyAction)
class TreatyActionAdmin(AccessPolicyAdmin):
    list_display = ["state", "instrument", "kind", "date", "raw", "source"]
    list_filter = ["kind", "instrument", "source"]
    search_fields = ["state__iso3", "state__names", "raw"]
    autocomplete_fields = ["state"]
    date_hierarchy = "date"
    inlines = [StatementInline]


@admin.register(StatusSource)
class StatusSourceAdmin(AccessPolicyAdmin):
    list_display = ["name", "as_at", "licence"]
    search_fields = ["name"]


@admin.register(Statement)
class StatementAdmin(AccessPolicyAdmin):
    list_display = ["action", "kind", "date", "withdrawn_on"]
    list_filter = ["kind"]
