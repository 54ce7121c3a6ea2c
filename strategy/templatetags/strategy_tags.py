"""The Strategy's vocabulary on other apps' pages: `{% load strategy_tags %}`.

    {% pillar_names record.pillars %}          the named pillars, in the reader's language
    {% area_names record.thematic_areas %}     the thematic areas
    {% counted_pillar_names record.thematic_areas %}  the pillars these areas count under
                                               (ctassist's reading, strategy.themes)
Each gives the names joined by "; ", or "—" when there is none.
"""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from strategy.themes import area_labels, pillar_labels, pillars_of

register = template.Library()


def _joined(labels: list) -> str:
    return "; ".join(str(label) for label in labels) or "—"


@register.simple_tag
def pillar_names(pillars) -> str:
    return _joined(pillar_labels(pillars or []))


@register.simple_tag
def area_names(areas) -> str:
    return _joined(area_labels(areas or []))


@register.simple_tag
def counted_pillar_names(areas) -> str:
    return _joined(pillar_labels(pillars_of(areas or [])))


@register.simple_tag
def reading_note():
    """The note that says whose reading the mapping of areas to pillars is, with its link."""
    return format_html(
        '<small class="note">{} <a href="{}#mapping">{}</a></small>',
        _("ctassist's reading of the Strategy, not the United Nations'."),
        reverse("strategy:index"),
        _("How areas count under pillars"),
    )
