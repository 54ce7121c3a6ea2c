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
