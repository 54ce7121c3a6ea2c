"""Staff keep the entities' projects here (and correct an entity's names, which the next
`ctassist load-reference` brings back to the shipped file)."""

from django import forms
from django.contrib import admin

from accounts.access import Action, can
from accounts.admin import AccessPolicyAdmin
from ctassist.lifecycle import StatusReadOnlyOnceCreated
from strategy.forms import PillarsField, ThematicAreasField
from strategy.models import EntityName, EntityProject, UNEntity


class EntityNameInline(admin.TabularInline):
    model = EntityName
    extra = 0

    def has_view_permission(self, request, obj=None):
        return can(request.user, Action.VIEW, obj) and request.user.is_staff

    def has_change_permission(self, request, obj=None):
        return can(request.user, Action.CHANGE, obj) and request.user.is_staff

    has_add_permission = has_delete_permission = has_change_permission


@admin.register(UNEntity)
class UNEntityAdmin(AccessPolicyAdmin):
    list_display = ["code", "acronym"]
    search_fields = ["code", "acronym", "names__name"]
    inlines = [EntityNameInline]


class EntityProjectForm(forms.ModelForm):
    """The pillars and thematic areas as boxes to tick rather than JSON."""

    pillars = PillarsField()
    thematic_areas = ThematicAreasField()


@admin.register(EntityProject)
class EntityProjectAdmin(StatusReadOnlyOnceCreated, AccessPolicyAdmin):
    form = EntityProjectForm
    list_display = ["title", "entity", "status", "starts_on", "ends_on", "demonstration"]
    list_filter = ["status", "entity", "demonstration"]
    search_fields = ["title"]
    autocomplete_fields = ["states"]
    filter_horizontal = ["regions"]
