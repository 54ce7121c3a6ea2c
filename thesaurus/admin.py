from django.contrib import admin

from accounts.admin import AccessPolicyAdmin
from thesaurus.models import Concept, ConceptLabel, Term


class TermInline(admin.TabularInline):
    model = Term
    extra = 1


class ConceptLabelInline(admin.TabularInline):
    model = ConceptLabel
    extra = 0


@admin.register(Concept)
class ConceptAdmin(AccessPolicyAdmin):
    """Staff edit the thesaurus here: a concept and its terms in each language."""

    list_display = ["code"]
    search_fields = ["code", "labels__label", "terms__term"]
    inlines = [ConceptLabelInline, TermInline]
