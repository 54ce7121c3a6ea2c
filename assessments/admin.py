from django.contrib import admin

from accounts.admin import AccessPolicyAdmin
from assessments.models import Comment, Finding, Obligation, ObligationText, Review
from ctassist.lifecycle import StatusReadOnlyOnceCreated


class ObligationTextInline(admin.StackedInline):
    model = ObligationText
    extra = 0


@admin.register(Obligation)
class ObligationAdmin(AccessPolicyAdmin):
    list_display = ["instrument", "article", "category", "complete"]
    list_filter = ["instrument", "category", "complete"]
    filter_horizontal = ["concepts"]
    inlines = [ObligationTextInline]


class FindingInline(admin.StackedInline):
    model = Finding
    extra = 0
    raw_id_fields = ["provisions"]


@admin.register(Review)
class ReviewAdmin(StatusReadOnlyOnceCreated, AccessPolicyAdmin):
    list_display = ["state", "instrument", "status"]
    list_filter = ["status", "instrument"]
    autocomplete_fields = ["state"]
    filter_horizontal = ["experts"]
    inlines = [FindingInline]


@admin.register(Comment)
class CommentAdmin(AccessPolicyAdmin):
    list_display = ["review", "author", "created"]
