"""{% load numbers %}: `value|number` writes a number as the page's language does
(ctassist/numbers.py, the helper the documents and the dashboard use); text passes through."""

from django import template

from ctassist import numbers

register = template.Library()


@register.filter
def number(value, empty: str = "—") -> str:
    return numbers.text(value, empty=empty)
