"""{% load numbers %}: `value|number` writes a number as the page's language does, and
`value|number:"fr"` as that language does (ctassist/numbers.py, the helper the documents and
the dashboard use); None becomes a dash, text passes through."""

from django import template

from ctassist import numbers

register = template.Library()


@register.filter
def number(value, language: str | None = None) -> str:
    return numbers.text(value, language or None)
