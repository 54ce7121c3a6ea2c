"""The checklist in the reader's language: an obligation's summary and a concept's name.

Where a language has no translation yet, the English shows in its place, marked with its
own `lang` and a note, so the gap stays visible."""

from django import template
from django.utils.html import format_html

from ctassist.languages import InLanguage, data_language
from ctassist.templatetags.language_marks import in_language
from thesaurus.models import Concept
from thesaurus.services import concept_labels

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


@register.simple_tag
def concept_name(concept):
    """`{% concept_name concept %}`: a concept's name in the reader's language, marked with its
    own language where it falls back to English; `concept` is a Concept or its code (as the
    search gives it). Never the code where the concept has a name."""
    if isinstance(concept, Concept):
        shown = concept.label()
    else:
        names = concept_labels().get(str(concept), {})
        language = data_language()
        shown = (
            InLanguage(names[language], language)
            if language in names
            else InLanguage(names.get("en", str(concept)), "en")
        )
    return format_html('<span class="concept">{}</span>', in_language(shown.text, shown.language))


@register.filter
def left_to_right(value):
    """An article number ("2(1)(a)", "3bis") kept in its order inside right-to-left text."""
    return format_html('<bdi dir="ltr">{}</bdi>', value) if value not in (None, "") else ""
