from django.contrib import admin

from accounts.admin import AccessPolicyAdmin
from sources.models import ProvenanceAlias, Source


@admin.register(Source)
class SourceAdmin(AccessPolicyAdmin):
    list_display = ["key", "title", "publisher", "date", "kind"]
    list_filter = ["kind"]
    search_fields = ["key", "title", "publisher", "url"]


@admin.register(ProvenanceAlias)
class ProvenanceAliasAdmin(AccessPolicyAdmin):
    list_display = ["prefix", "citation"]
    search_fields = ["prefix", "citation"]
