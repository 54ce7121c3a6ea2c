from django import template

from participation.forms import OnDateForm
from participation.models import ActionKind
from participation.standing import state_overview

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


@register.inclusion_tag("participation/_state_section.html", takes_context=True)
def state_participation(context, state):
    """The participation part of a state's page, on the date of the page's `?on=` (today
    without one, or with one that is not a date): `{% state_participation state %}`."""
    request = context["request"]
    form = OnDateForm(request.GET or None)
    # An inclusion tag's context starts empty: the sources list asks request.user.
    return {"form": form, "overview": state_overview(state, form.on_date()), "request": request}
