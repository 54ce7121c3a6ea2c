from django.contrib import admin

from accounts.admin import AccessPolicyAdmin
from accounts.models import Role
from projects.models import Donor, Project


@admin.register(Donor)
class DonorAdmin(AccessPolicyAdmin):
    list_display = ["name", "kind", "state", "demonstration"]
    list_filter = ["kind", "demonstration"]
    search_fields = ["name"]
    autocomplete_fields = ["state"]
    filter_horizontal = ["representatives"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "representatives":
            # Only users with the donor role see what a donor funds; others would see nothing.
            kwargs["queryset"] = db_field.remote_field.model.objects.filter(profile__role=Role.DONOR)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Project)
class ProjectAdmin(AccessPolicyAdmin):
    list_display = ["code", "title", "starts_on", "ends_on", "budget", "currency", "demonstration"]
    list_filter = ["demonstration", "donors"]
    search_fields = ["code", "title"]
    filter_horizontal = ["donors", "regions"]
    date_hierarchy = "starts_on"
