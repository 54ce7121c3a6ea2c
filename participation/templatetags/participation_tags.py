from django import template

from participation.models import ActionKind

register = template.Library()


@register.filter
def action_kind(kind: str) -> str:
    """The translated name of a kind of treaty action ("accession" → "加入")."""
    try:
        return str(ActionKind(kind).label)
    except ValueError:
        return kind


@register.filter
def without_status_list(figures) -> list:
    """The instruments of `participation.summary.instrument_figures` that have no status list."""
    return [figure for figure in figures if not figure.dated.has_list]
