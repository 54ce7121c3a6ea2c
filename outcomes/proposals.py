"""Proposed links from activities to the ratifications that followed them.

The rule: for every activity that is not cancelled and concerns instruments, each state
involved (the host and the participating states) that deposited its consent to be bound
(ratification, accession, acceptance, approval or succession) to one of those instruments
after the activity ended and within 24 months of its end is proposed as an outcome:

    ends_on < deposit date <= ends_on + 24 calendar months

The 24 months are counted with instruments.entry_into_force.add_period: the same day of the
month two years later, or that month's last day when it has no such day (an activity ending
on 29 February 2024 has its window close on 28 February 2026). A deposit on the day the
activity ends is not counted: the activity had not yet ended.

Only proposals are made; staff confirm or reject each one (Outcome.lifecycle). A pair
(activity, deposit) that already has an outcome, whatever its status, is never proposed again.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assistance.models import Activity, ActivityStatus
from instruments.entry_into_force import add_period
from outcomes.models import Outcome, OutcomeKind, OutcomeStatus
from participation.models import ActionKind, TreatyAction

WINDOW_MONTHS = 24


def window_end(ends_on: datetime.date) -> datetime.date:
    """The last day on which a deposit still counts as following the activity."""
    return add_period(ends_on, WINDOW_MONTHS, "months")


def in_window(ends_on: datetime.date, deposit: datetime.date) -> bool:
    return ends_on < deposit <= window_end(ends_on)


def whole_months_between(start: datetime.date, end: datetime.date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


@dataclass(frozen=True)
class Proposal:
    activity: Activity
    action: TreatyAction

    def reason(self) -> str:
        ends, deposit = self.activity.ends_on, self.action.date
        months = whole_months_between(ends, deposit)
        if months:
            delay = ngettext("%(n)d month", "%(n)d months", months) % {"n": months}
        else:
            days = (deposit - ends).days
            delay = ngettext("%(n)d day", "%(n)d days", days) % {"n": days}
        return _(
            "%(state)s deposited its %(kind)s of the %(instrument)s on %(deposit)s, %(delay)s after "
            "the activity “%(activity)s” on that instrument ended on %(ends)s (a deposit counts when it "
            "is after the end and no later than %(limit)s, 24 months on)."
        ) % {
            "state": self.action.state.name(),
            "kind": ActionKind(self.action.kind).label,
            "instrument": self.action.instrument.short_name,
            "deposit": deposit.isoformat(),
            "delay": delay,
            "activity": self.activity.title,
            "ends": ends.isoformat(),
            "limit": window_end(ends).isoformat(),
        }

    def as_outcome(self) -> Outcome:
        return Outcome(
            activity=self.activity,
            state=self.action.state,
            kind=OutcomeKind.RATIFICATION,
            treaty_action=self.action,
            status=OutcomeStatus.PROPOSED,
            reason=self.reason(),
        )


def find(since: datetime.date | None = None) -> list[Proposal]:
    """The proposals not yet made; with `since`, only deposits on or after that date are considered."""
    # Plain id tuples rather than model instances: a decade of activity is some 20,000 rows.
    live = Activity.objects.exclude(status=ActivityStatus.CANCELLED)
    instruments_of = defaultdict(set)
    for activity_id, instrument_id in Activity.instruments.through.objects.filter(
        activity__in=live
    ).values_list("activity_id", "instrument_id"):
        instruments_of[activity_id].add(instrument_id)
    if not instruments_of:
        return []
    ends_on, states_of = {}, defaultdict(set)
    for activity_id, ends, host_id in live.filter(id__in=instruments_of).values_list(
        "id", "ends_on", "host_state_id"
    ):
        ends_on[activity_id] = ends
        if host_id:
            states_of[activity_id].add(host_id)
    for activity_id, state_id in Activity.participating_states.through.objects.filter(
        activity_id__in=instruments_of
    ).values_list("activity_id", "state_id"):
        states_of[activity_id].add(state_id)

    consents = TreatyAction.objects.consents().filter(
        instrument_id__in=set().union(*instruments_of.values()), state_id__in=set().union(*states_of.values())
    )
    if since:
        consents = consents.filter(date__gte=since)
    deposits = defaultdict(list)
    for action_id, state_id, instrument_id, date in consents.values_list(
        "id", "state_id", "instrument_id", "date"
    ):
        deposits[state_id, instrument_id].append((action_id, date))
    already = set(
        Outcome.objects.filter(treaty_action__isnull=False).values_list("activity_id", "treaty_action_id")
    )

    pairs = []
    for activity_id, instrument_ids in instruments_of.items():
        ends = ends_on[activity_id]
        for state_id in states_of[activity_id]:
            for instrument_id in instrument_ids:
                for action_id, date in deposits.get((state_id, instrument_id), ()):
                    if in_window(ends, date) and (activity_id, action_id) not in already:
                        pairs.append((activity_id, action_id))
    activities = Activity.objects.in_bulk({activity_id for activity_id, _action_id in pairs})
    actions = TreatyAction.objects.select_related("state", "instrument").in_bulk(
        {action_id for _activity_id, action_id in pairs}
    )
    proposals = [Proposal(activities[a], actions[t]) for a, t in pairs]
    proposals.sort(key=lambda p: (p.action.date, p.activity.ends_on, p.action.state.iso3, p.activity.id))
    return proposals


def propose(since: datetime.date | None = None, dry_run: bool = False) -> list[Outcome]:
    """Record the new proposals (unsaved when `dry_run`); never confirms anything."""
    outcomes = [proposal.as_outcome() for proposal in find(since)]
    if not dry_run:
        with transaction.atomic():
            for outcome in outcomes:
                outcome.save()
    return outcomes
