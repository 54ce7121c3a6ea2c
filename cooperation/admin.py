from django.contrib import admin

from accounts.admin import AccessPolicyAdmin
from cooperation.models import Authority, BilateralTreaty


@admin.register(Authority)
class AuthorityAdmin(AccessPolicyAdmin):
    """Staff record an entry a state has sent them; focal points keep theirs on the pages."""

    list_display = ["__str__", "state", "kind", "last_confirmed", "demonstration"]
    list_filter = ["kind", "demonstration"]
    search_fields = ["state__iso3", "names"]
    autocomplete_fields = ["state"]


@admin.register(BilateralTreaty)
class BilateralTreatyAdmin(AccessPolicyAdmin):
    """The bilateral and regional treaties staff record between states (the legal-basis finder lists them)."""

    list_display = ["title", "kind", "signed_on", "in_force_on"]
    list_filter = ["kind"]
    search_fields = ["title"]
    filter_horizontal = ["parties"]
