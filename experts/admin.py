from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from accounts.admin import AccessPolicyAdmin
from accounts.models import Role
from experts.forms import ExpertAdminForm
from experts.models import AdvisoryGroup, Expert, LegalSystem
from experts.roster import filter_roster


class LegalSystemFilter(admin.SimpleListFilter):
    # legal_systems is a JSON list, which the admin's plain list_filter cannot filter on.
    title = _("legal system")
    parameter_name = "legal_system"

    def lookups(self, request, model_admin):
        return LegalSystem.choices

    def queryset(self, request, queryset):
        return filter_roster(queryset, legal_system=self.value()) if self.value() else queryset


@admin.register(Expert)
class ExpertAdmin(AccessPolicyAdmin):
    form = ExpertAdminForm
    list_display = ["name", "nationality", "user", "active", "demonstration"]
    list_filter = [LegalSystemFilter, "active", "demonstration"]
    search_fields = ["name", "email", "expertise"]
    autocomplete_fields = ["nationality"]
    filter_horizontal = ["regions", "instruments"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            # Only accounts with the expert role gain access through an assignment.
            kwargs["queryset"] = db_field.related_model.objects.filter(profile__role=Role.EXPERT)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(AdvisoryGroup)
class AdvisoryGroupAdmin(AccessPolicyAdmin):
    list_display = ["name", "region", "legal_system", "demonstration"]
    list_filter = ["legal_system", "demonstration", "region"]
    search_fields = ["name"]
    autocomplete_fields = ["region"]
    filter_horizontal = ["members"]
