from django.contrib import admin

from accounts.admin import AccessPolicyAdmin
from reports.models import ProseSection, ReportDraft, Resolution, ResolutionTitle


class ResolutionTitleInline(admin.TabularInline):
    model = ResolutionTitle
    extra = 0
    fields = ["language", "title", "source"]


@admin.register(Resolution)
class ResolutionAdmin(AccessPolicyAdmin):
    list_display = ["code", "body", "adopted_on", "symbol", "reporting_paragraph", "report_symbol"]
    list_filter = ["body"]
    search_fields = ["code", "symbol", "titles__title"]
    inlines = [ResolutionTitleInline]


class ProseSectionInline(admin.StackedInline):
    model = ProseSection
    extra = 0
    fields = ["position", "key", "heading", "text"]


@admin.register(ReportDraft)
class ReportDraftAdmin(AccessPolicyAdmin):
    list_display = ["title", "resolution", "start", "end", "language", "internal", "status", "changed_at"]
    list_filter = ["resolution", "language", "internal", "status"]
    search_fields = ["title"]
    readonly_fields = ["generated_at", "created_by", "created_at", "changed_by", "changed_at"]
    inlines = [ProseSectionInline]
