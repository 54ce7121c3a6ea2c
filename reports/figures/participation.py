"""The figures of the participation section: new adherences to each instrument in the
period (overall and by states assisted in the 24 months before), and the instruments each
region's states have not joined as at the end of the period.

Both read participation's own helpers: the consenting actions (TreatyAction.objects.consents),
the date each instrument's status list is as at (participation/as_at.py) and the matrix of
positions (participation/matrix.py). An instrument's figures stop at its status list's date:
the actions after it are not recorded, so they cannot be counted."""

import datetime
from collections import defaultdict

from django.utils.translation import gettext as _

from instruments.entry_into_force import add_period
from instruments.models import Instrument
from participation.as_at import StatusDate, status_dates
from participation.matrix import build_matrix
from participation.models import TreatyAction
from reports.figures.assistance import DIRECT_KINDS
from reports.figures.base import Figure, Table, TableRow
from reports.figures.refs import instrument_ref, state_ref, treaty_action_ref
from reports.figures.scope import Scope
from states.models import Area, State

SECTION = "participation"
ASSISTED_WITHIN_MONTHS = 24


def assistance_window(adherence: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The days an activity of direct assistance must touch for the adherence to count as
    "after assistance": from the same day 24 calendar months before (a month end kept within
    the month, as instruments.entry_into_force.add_period counts) to the adherence date."""
    return add_period(adherence, -ASSISTED_WITHIN_MONTHS, "months"), adherence


def assisted_before(scope: Scope, actions: list) -> set[int]:
    """The ids of the actions whose state had direct assistance (an activity of a direct kind
    hosted by it, counted by this report) ending on or after the adherence date − 24 months
    and starting on or before the adherence date."""
    state_ids = {action.state_id for action in actions}
    spans = defaultdict(list)
    direct = scope.activities().filter(kind__in=DIRECT_KINDS, host_state_id__in=state_ids)
    for state_id, starts, ends in direct.values_list("host_state_id", "starts_on", "ends_on"):
        spans[state_id].append((starts, ends))
    found = set()
    for action in actions:
        first, last = assistance_window(action.date)
        if any(ends >= first and starts <= last for starts, ends in spans[action.state_id]):
            found.add(action.id)
    return found


def status_note(dated: StatusDate) -> str:
    if not dated.has_list:
        return _("no status list in ctassist: not known")
    if dated.after_as_at:
        return _("status list as at %(date)s: later actions are not recorded") % {
            "date": dated.as_at.isoformat()
        }
    return _("status list as at %(date)s") % {"date": dated.as_at.isoformat()}


def _counted_period(scope: Scope, dated: StatusDate) -> tuple[datetime.date, datetime.date] | None:
    """The days of the period whose actions the instrument's status list records."""
    if not dated.has_list or dated.as_at < scope.start:
        return None
    return scope.start, dated.figures_on


def adherences(scope: Scope) -> list[Figure]:
    """Two figures: every new adherence in the period, and those by states assisted before."""
    language = scope.language
    instruments = list(Instrument.objects.with_titles().adopted_by(scope.end))
    dates = status_dates(scope.end, instruments)
    consents = list(
        TreatyAction.objects.consents()
        .filter(date__range=(scope.start, scope.end), instrument__in=instruments)
        .select_related("state", "instrument")
        .prefetch_related("instrument__titles")
        .order_by("instrument__position", "date", "id")
    )
    by_instrument = defaultdict(list)
    for action in consents:
        period = _counted_period(scope, dates[action.instrument_id])
        if period and period[0] <= action.date <= period[1]:
            by_instrument[action.instrument_id].append(action)
    counted = [action for actions in by_instrument.values() for action in actions]
    after_assistance = assisted_before(scope, counted)
    rows, assisted_rows = [], []
    for instrument in instruments:
        dated = dates[instrument.id]
        actions = by_instrument[instrument.id]
        assisted = [action for action in actions if action.id in after_assistance]
        known = _counted_period(scope, dated) is not None
        title = instrument.display_title(language)
        rows.append(
            TableRow(
                [
                    title,
                    len(actions) if known else None,
                    len(assisted) if known else None,
                    status_note(dated),
                ],
                [instrument_ref(instrument, language)] + [treaty_action_ref(a, language) for a in actions],
            )
        )
        assisted_rows.append(
            TableRow(
                [title, len(assisted) if known else None, status_note(dated)],
                [instrument_ref(instrument, language)] + [treaty_action_ref(a, language) for a in assisted],
            )
        )
    stopped = sorted({dates[i.id].as_at for i in instruments if dates[i.id].after_as_at})
    note = ""
    if stopped:
        note = _(
            "Where an instrument's status list is older than the end of the period, its row counts "
            "the actions up to the list's date only: later actions are not recorded in ctassist."
        )
    as_at = min((dates[i.id].figures_on for i in instruments if dates[i.id].has_list), default=None)
    overall = Figure(
        key="adherences",
        section=SECTION,
        title=_("New adherences to the instruments"),
        value=len(counted),
        records=[treaty_action_ref(action, language) for action in counted],
        table=Table(
            [
                _("Instrument"),
                _("New adherences"),
                _("Of which by states assisted in the 24 months before"),
                _("Status list"),
            ],
            rows,
        ),
        note=note,
        as_at=as_at,
    )
    assisted_actions = [action for action in counted if action.id in after_assistance]
    after = Figure(
        key="adherences-after-assistance",
        section=SECTION,
        title=_("New adherences by states that received direct assistance in the 24 months before"),
        value=len(assisted_actions),
        records=[treaty_action_ref(action, language) for action in assisted_actions],
        table=Table([_("Instrument"), _("New adherences"), _("Status list")], assisted_rows),
        note=" ".join(
            filter(
                None,
                [
                    _(
                        "An adherence counts when its state hosted an activity of direct assistance "
                        "that ended on or after the day 24 months before the adherence and started "
                        "on or before the adherence."
                    ),
                    note,
                ],
            )
        ),
        as_at=as_at,
    )
    return [overall, after]


def outstanding(scope: Scope) -> Figure:
    """Per instrument and region, the states not party as at the end of the period (each
    instrument as at its status list's date where that is earlier)."""
    language = scope.language
    states = list(State.objects.with_areas())
    matrix = build_matrix(scope.end, states)
    columns = [
        (index, instrument)
        for index, instrument in enumerate(matrix.instruments)
        if instrument.adoption_date <= scope.end
    ]
    regions = sorted(
        Area.objects.filter(level=Area.Level.REGION, id__in={state.region_id for state in states}),
        key=lambda area: area.code,
    )
    rows, total = [], 0
    for index, instrument in columns:
        missing = defaultdict(list)
        for row in matrix.rows:
            if not row.cells[index].is_party:
                missing[row.state.region_id].append(row.state)
        outstanding_states = [state for region in regions for state in missing[region.id]]
        total += len(outstanding_states)
        rows.append(
            TableRow(
                [instrument.display_title(language)]
                + [len(missing[region.id]) for region in regions]
                + [len(outstanding_states), matrix.dates[instrument.id].figures_on.isoformat()],
                [instrument_ref(instrument, language)]
                + [state_ref(state, language) for state in outstanding_states],
            )
        )
    without_list = [i for i in matrix.without_list if i.adoption_date <= scope.end]
    note = ""
    if without_list:
        note = _("Without a status list in ctassist, not counted: %(instruments)s.") % {
            "instruments": "; ".join(i.display_title(language) for i in without_list)
        }
    return Figure(
        key="outstanding",
        section=SECTION,
        title=_("States not party to each instrument, by region"),
        value=None,
        records=[],
        table=Table(
            [_("Instrument")] + [region.name(language) for region in regions] + [_("Total"), _("As at")],
            rows,
        ),
        note=note,
        as_at=min((matrix.dates[i.id].figures_on for _i, i in columns), default=None),
    )
