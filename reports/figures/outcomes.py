"""The states that ratified after legislative drafting assistance.

The rule, kept simple so that it can be explained in one sentence: a state counts when it
has a confirmed outcome of kind "ratification" whose date falls in the period, the date
being its deposit's (treaty_action.date) or, for an outcome a source reports without naming
the deposit, the date the source reports it as at (reported_on). The outcome's activity is
legislative advice or a drafting workshop, or there is none (a source, such as the 2004
report's note 2, reports the ratification after drafting assistance without naming an
activity). Proposed and rejected outcomes are never counted."""

from collections import defaultdict

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from assistance.models import ActivityKind
from ctassist.collation import sorted_by_name
from outcomes.models import Outcome, OutcomeKind
from reports.figures.base import Figure, Table, TableRow
from reports.figures.refs import outcome_ref, state_ref
from reports.figures.scope import Scope

SECTION = "participation"  # ratifications that followed assistance, beside the others
DRAFTING_KINDS = (ActivityKind.LEGISLATIVE_ADVICE, ActivityKind.DRAFTING_WORKSHOP)


def ratification_outcomes(scope: Scope):
    counted_activities = scope.activities().filter(kind__in=DRAFTING_KINDS)
    return (
        Outcome.objects.confirmed()
        .filter(kind=OutcomeKind.RATIFICATION)
        .annotate(on=Coalesce("treaty_action__date", "reported_on"))
        .filter(on__range=(scope.start, scope.end))
        .filter(Q(activity__isnull=True) | Q(activity__in=counted_activities.values("id")))
        .select_related("state", "activity", "treaty_action__instrument")
        .prefetch_related("treaty_action__instrument__titles")
        .order_by("on", "id")
    )


def _label(outcome, language: str) -> str:
    if outcome.treaty_action_id:
        action = outcome.treaty_action
        what = f"{action.instrument.display_title(language)}, {action.get_kind_display()}"
    else:
        what = _("ratification reported as at")
    return f"{outcome.state.name(language)}: {what} {outcome.on.isoformat()}"


def ratified_after_drafting(scope: Scope) -> Figure:
    language = scope.language
    by_state, states = defaultdict(list), {}
    for outcome in ratification_outcomes(scope):
        states[outcome.state_id] = outcome.state
        by_state[outcome.state_id].append(outcome)
    ordered = sorted_by_name(states.values(), language)
    rows = [
        TableRow(
            [state.name(language), len(by_state[state.id])],
            [outcome_ref(outcome, _label(outcome, language)) for outcome in by_state[state.id]],
        )
        for state in ordered
    ]
    return Figure(
        key="ratified-after-drafting",
        section=SECTION,
        title=_("States that ratified after legislative drafting assistance"),
        value=len(ordered),
        records=[state_ref(state, language) for state in ordered],
        table=Table([_("State"), _("Confirmed outcomes")], rows),
    )
