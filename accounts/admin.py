from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from simple_history.admin import SimpleHistoryAdmin

from accounts.access import Action, can
from accounts.models import Profile


class AccessPolicyAdmin(SimpleHistoryAdmin):
    """Admin whose every permission comes from accounts.access, with history and revert."""

    def has_view_permission(self, request, obj=None):
        return can(request.user, Action.VIEW, obj) and request.user.is_staff

    def has_change_permission(self, request, obj=None):
        return can(request.user, Action.CHANGE, obj) and request.user.is_staff

    def has_add_permission(self, request):
        return can(request.user, Action.CHANGE) and request.user.is_staff

    def has_delete_permission(self, request, obj=None):
        return can(request.user, Action.CHANGE, obj) and request.user.is_staff

    def has_module_permission(self, request):
        return request.user.is_staff


class UserManagementAdmin(SimpleHistoryAdmin):
    """Users and roles are the administrator's alone."""

    def has_view_permission(self, request, obj=None):
        return can(request.user, Action.MANAGE_USERS)

    has_change_permission = has_delete_permission = has_view_permission

    def has_add_permission(self, request):
        return can(request.user, Action.MANAGE_USERS)

    def has_module_permission(self, request):
        return can(request.user, Action.MANAGE_USERS)


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    autocomplete_fields = ["state"]


@admin.register(Profile)
class ProfileAdmin(UserManagementAdmin):
    list_display = ["user", "role", "state"]
    list_filter = ["role"]
    autocomplete_fields = ["state", "user"]


admin.site.unregister(User)


@admin.register(User)
class RoleUserAdmin(UserManagementAdmin, UserAdmin):
    inlines = [ProfileInline]
