"""The figures of a report on a resolution, computed from the records (see base.py).

    figures = compute("58/136", date(2002, 10, 1), date(2004, 7, 31), language="fr")
    figures.get("states-assisted").value

Each figure is computed by a function of the module of its section (assistance.py,
participation.py, outcomes.py, funding.py, replies.py) from the records a Scope lets it
count (scope.py: public or internal, demonstration records or not); printed.py sets the
figures a published report printed beside them. The rules are in docs/report-figures.md."""

import datetime

from django.utils import translation

from ctassist.languages import django_language
from reports.figures import assistance, funding
from reports.figures.base import Figure, ReportFigures
from reports.figures.printed import printed_for
from reports.figures.scope import Scope

# In the order a report shows them.
FIGURES = (
    assistance.states_assisted,
    assistance.officials_trained,
    assistance.activities,
    assistance.workshops,
    funding.contributions,
)


def compute(
    resolution: str,
    start: datetime.date,
    end: datetime.date,
    *,
    internal: bool = False,
    demonstration: bool = False,
    language: str | None = None,
) -> ReportFigures:
    """Every figure of the report on `resolution` for the days from `start` to `end` (both
    included), labelled in `language` (a UN language code; default: the active one)."""
    scope = Scope.of(resolution, start, end, internal, demonstration, language)
    with translation.override(django_language(scope.language)):
        figures = [figure_of(scope) for figure_of in FIGURES]
        printed = printed_for(resolution, start, end)
        for figure in figures:
            compare_with_printed(figure, printed.get(figure.key))
    return ReportFigures(resolution, start, end, internal, scope.language, figures)


def compare_with_printed(figure: Figure, printed) -> None:
    if printed is None:
        return
    figure.printed = printed
