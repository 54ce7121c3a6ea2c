from django.contrib import admin

from accounts.admin import AccessPolicyAdmin
from assessments.models import Comment, Concept, Finding, Obligation, Review, Term


class TermInline(admin.TabularInline):
    model = Term
    extra = 1


@admin.register(Concept)
class ConceptAdmin(AccessPolicyAdmin):
    """Staff edit the thesaurus here: a concept and its terms in each language."""

    list_display = ["code", "label_en"]
    search_fields = ["code", "label_en", "terms__term"]
    inlines = [TermInline]


@admin.register(Obligation)
class ObligationAdmin(AccessPolicyAdmin):
    list_display = ["instrument", "article", "category", "complete"]
    list_filter = ["instrument", "category", "complete"]
    filter_horizontal = ["concepts"]


class FindingInline(admin.StackedInline):
    model = Finding
    extra = 0
    raw_id_fields = ["provisions"]


@admin.register(Review)
class ReviewAdmin(AccessPolicyAdmin):
    list_display = ["state", "instrument", "status"]
    list_filter = ["status", "instrument"]
    autocomplete_fields = ["state"]
    filter_horizontal = ["experts"]
    inlines = [FindingInline]


@admin.register(Comment)
class CommentAdmin(AccessPolicyAdmin):
    list_display = ["review", "author", "created"]
