from django import template

from funding.contributions import dollars as _dollars

register = template.Library()


@register.filter
def dollars(amount) -> str:
    """Whole dollars, rounded half up, grouped as the page's language groups thousands."""
    return "" if amount is None else _dollars(amount)
