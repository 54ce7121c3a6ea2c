from django.contrib import admin

from accounts.admin import AccessPolicyAdmin
from legislation.models import Law, LawVersion, Provision


@admin.register(Law)
class LawAdmin(AccessPolicyAdmin):
    list_display = ["title", "state", "kind", "language", "status", "published"]
    list_filter = ["kind", "language", "status", "published"]
    search_fields = ["title", "slug", "state__iso3"]
    autocomplete_fields = ["state"]


@admin.register(LawVersion)
class LawVersionAdmin(AccessPolicyAdmin):
    list_display = ["law", "valid_from", "valid_to"]
    search_fields = ["law__title"]


@admin.register(Provision)
class ProvisionAdmin(AccessPolicyAdmin):
    list_display = ["number", "heading", "kind", "version"]
    list_filter = ["kind"]
    search_fields = ["number", "heading", "version__law__title"]
    raw_id_fields = ["version", "parent"]
