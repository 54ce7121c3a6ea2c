from django.contrib import admin

from accounts.admin import AccessPolicyAdmin
from instruments.models import Instrument, InstrumentTitle


class InstrumentTitleInline(admin.TabularInline):
    model = InstrumentTitle
    extra = 0


@admin.register(Instrument)
class InstrumentAdmin(AccessPolicyAdmin):
    list_display = ["position", "slug", "short_name", "adoption_date", "entry_into_force_date", "depositary"]
    list_display_links = ["slug"]
    list_filter = ["depositary"]
    search_fields = ["slug", "short_name"]
    inlines = [InstrumentTitleInline]


@admin.register(InstrumentTitle)
class InstrumentTitleAdmin(AccessPolicyAdmin):
    list_display = ["instrument", "language", "title"]
    list_filter = ["language"]
