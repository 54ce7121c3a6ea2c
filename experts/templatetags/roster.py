from django import template

from experts import roster

register = template.Library()


@register.filter
def legal_system_names(codes) -> str:
    return ", ".join(roster.legal_system_labels(codes or [])) or "—"


@register.filter
def language_names(codes) -> str:
    return ", ".join(roster.language_name(code) for code in codes or []) or "—"
