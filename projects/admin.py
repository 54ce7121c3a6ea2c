from django import forms
from django.contrib import admin

from accounts.admin import AccessPolicyAdmin
from accounts.models import Role
from projects.models import Donor, Project
from strategy.forms import PillarsField, ThematicAreasField


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


class ProjectAdminForm(forms.ModelForm):
    """The pillars and thematic areas of the Strategy as boxes to tick rather than JSON."""

    pillars = PillarsField()
    thematic_areas = ThematicAreasField()


@admin.register(Project)
class ProjectAdmin(AccessPolicyAdmin):
    form = ProjectAdminForm
    list_display = ["code", "title", "starts_on", "ends_on", "budget", "currency", "demonstration"]
    list_filter = ["demonstration", "donors"]
    search_fields = ["code", "title"]
    filter_horizontal = ["donors", "regions"]
    date_hierarchy = "starts_on"
