"""The checklist in the reader's language: an obligation's summary and a concept's name.

Where a language has no translation yet, the English shows in its place, marked with its
own `lang` and a note, so the gap stays visible."""

from django import template

from assessments.models import Concept, ConceptLabel, InLanguage
from ctassist.languages import data_language

register = template.Library()


@register.inclusion_tag("assessments/_summary.html")
def summary(obligation):
    """`{% summary obligation %}`: ctassist's summary in the reader's language, labelled as a
    summary and linked to the treaty text it summarises."""
    shown = obligation.description()
    return {
        "obligation": obligation,
        "shown": shown,
        "untranslated": shown.language != data_language(),
    }


@register.inclusion_tag("assessments/_concept_name.html")
def concept_name(concept):
    """`{% concept_name concept %}`: a concept's name in the reader's language (a Concept, or a
    concept's code as the search gives it), never its code where a name exists."""
    if not isinstance(concept, Concept):
        labels = ConceptLabel.objects.filter(concept__code=concept)
        by_language = {label.language: label.label for label in labels}
        language = data_language()
        shown = (
            InLanguage(by_language[language], language)
            if language in by_language
            else InLanguage(by_language.get("en", str(concept)), "en")
        )
    else:
        shown = concept.label()
    return {"shown": shown}
