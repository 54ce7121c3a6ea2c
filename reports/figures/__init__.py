"""The figures of a report on a resolution, computed from the records (see base.py).

    figures = compute("58/136", date(2002, 10, 1), date(2004, 7, 31), language="fr")
    figures.get("states-assisted").value

Each figure is computed by a function of the module of its section (assistance.py,
participation.py, outcomes.py, funding.py, replies.py) from the records a Scope lets it
count (scope.py: public or internal, demonstration records or not); printed.py sets the
figures a published report printed beside them. The rules are in docs/report-figures.md."""

import datetime

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ctassist.languages import django_language
from ctassist.numbers import is_number, number
from reports.figures import assistance, funding, outcomes, participation, replies
from reports.figures.base import Figure, Printed, ReportFigures
from reports.figures.printed import printed_for
from reports.figures.scope import Scope

# In the order a report shows them; a function gives one figure or a list of them.
FIGURES = (
    assistance.states_assisted,
    assistance.officials_trained,
    assistance.activities,
    assistance.workshops,
    outcomes.ratified_after_drafting,
    participation.adherences,
    participation.outstanding,
    funding.contributions,
    replies.replies,
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
        figures = []
        for figure_of in FIGURES:
            found = figure_of(scope)
            figures.extend(found if isinstance(found, list) else [found])
        printed = printed_for(resolution, start, end)
        for figure in figures:
            compare_with_printed(figure, printed.get(figure.key))
    return ReportFigures(resolution, start, end, internal, scope.language, figures)


def written(value) -> str:
    """A number as the active language writes it; anything else as it is."""
    return number(value) if is_number(value) else str(value)


def compare_with_printed(figure: Figure, printed: Printed | None) -> None:
    """Set the printed value beside the computed one; where they differ, say so first in the
    note (the figure's own note, e.g. the contributions table's, explains why)."""
    if printed is None:
        return
    figure.printed = printed
    if figure.differs_from_printed:
        sentence = _(
            "The report printed %(printed)s (%(locator)s); the records counted here give %(computed)s."
        ) % {"printed": written(printed.value), "locator": printed.locator, "computed": written(figure.value)}
        figure.note = " ".join(filter(None, [sentence, figure.note, str(DIFFERENCES.get(figure.key, ""))]))


# Why a computed figure may differ from what the 2004 report printed, per figure.
DIFFERENCES = {
    "officials-trained": gettext_lazy(
        "The report gives a lower bound (“more than”) without the count of each activity; "
        "ctassist counts the participants recorded for the activities of the period."
    ),
}
