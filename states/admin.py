from django.contrib import admin

from accounts.admin import AccessPolicyAdmin
from states.models import Area, State


@admin.register(Area)
class AreaAdmin(AccessPolicyAdmin):
    list_display = ["code", "__str__", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "names"]


@admin.register(State)
class StateAdmin(AccessPolicyAdmin):
    list_display = ["iso3", "__str__", "status", "region", "subregion", "regional_group"]
    list_filter = ["status", "regional_group", "region"]
    search_fields = ["iso3", "iso2", "m49", "names"]
