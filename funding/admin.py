from django.contrib import admin

from accounts.admin import AccessPolicyAdmin
from funding.models import ExchangeRate, Expenditure, Payment, Pledge, PrintedTotal

CONVERTED = ["amount_usd", "rate"]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(AccessPolicyAdmin):
    list_display = ["currency", "date", "units_per_usd", "source", "demonstration"]
    list_filter = ["currency", "demonstration"]
    date_hierarchy = "date"


@admin.register(Pledge)
class PledgeAdmin(AccessPolicyAdmin):
    list_display = ["donor", "date", "amount", "currency", "amount_usd", "project", "demonstration"]
    list_filter = ["demonstration", "currency", "thematic_area", "pillar"]
    search_fields = ["donor__name", "note", "source"]
    autocomplete_fields = ["donor"]
    readonly_fields = [*CONVERTED, "reference_key"]
    date_hierarchy = "date"


@admin.register(Payment)
class PaymentAdmin(AccessPolicyAdmin):
    list_display = ["donor", "date", "amount", "currency", "amount_usd", "pledge", "demonstration"]
    list_filter = ["demonstration", "currency"]
    search_fields = ["donor__name", "note", "source"]
    autocomplete_fields = ["donor"]
    readonly_fields = [*CONVERTED, "reference_key"]
    date_hierarchy = "date"


@admin.register(Expenditure)
class ExpenditureAdmin(AccessPolicyAdmin):
    list_display = [
        "project",
        "activity",
        "kind",
        "date",
        "amount",
        "currency",
        "amount_usd",
        "demonstration",
    ]
    list_filter = ["kind", "demonstration", "currency"]
    search_fields = ["project__code", "activity__title", "note"]
    raw_id_fields = ["activity"]
    readonly_fields = CONVERTED
    date_hierarchy = "date"


@admin.register(PrintedTotal)
class PrintedTotalAdmin(AccessPolicyAdmin):
    list_display = ["source", "amount", "currency", "locator"]
