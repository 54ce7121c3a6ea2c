"""Where each state stands towards each instrument on a date, computed from treaty actions.

Nothing here is stored: counts, standings and each state's entry into force are computed
from the actions on every request, with the reasoning a lawyer can check.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from instruments.entry_into_force import EntryIntoForce, add_delay, add_period, for_deposit
from instruments.models import Instrument
from participation.as_at import StatusDate, status_dates
from participation.models import CONSENT_KINDS, ActionKind, Statement, StatusSource, TreatyAction


class Standing(models.TextChoices):
    IN_FORCE = "in-force", gettext_lazy("party, in force")
    PARTY = "party", gettext_lazy("party, entry into force later or not computed")
    SIGNATORY = "signatory", gettext_lazy("signatory")
    DENOUNCED = "denounced", gettext_lazy("denounced")
    NOT_PARTY = "not-party", gettext_lazy("not a party")
    NO_DATA = "no-data", gettext_lazy("no status data in ctassist")


PARTY_STANDINGS = {Standing.IN_FORCE, Standing.PARTY}


class ActionRow(NamedTuple):
    id: int
    state_id: int
    instrument_id: int
    kind: str
    date: datetime.date
    raw: str
    source_id: int


@dataclass
class Position:
    """One state's position towards one instrument on a date."""

    state_id: int
    instrument_id: int
    standing: str
    signature: ActionRow | None = None
    consent: ActionRow | None = None
    denunciation: ActionRow | None = None
    denunciation_effective: datetime.date | None = None
    entry_into_force: EntryIntoForce | None = None

    @property
    def is_party(self) -> bool:
        return self.standing in PARTY_STANDINGS

    def get_standing_label(self) -> str:
        return str(Standing(self.standing).label)


def instruments_with_data() -> set[int]:
    return set(TreatyAction.objects.values_list("instrument_id", flat=True).distinct())


def _actions(on: datetime.date, instrument_ids, state_ids=None) -> list[ActionRow]:
    actions = TreatyAction.objects.filter(date__lte=on, instrument_id__in=instrument_ids)
    if state_ids is not None:
        actions = actions.filter(state_id__in=state_ids)
    fields = ("id", "state_id", "instrument_id", "kind", "date", "raw", "source_id")
    return [ActionRow(*values) for values in actions.order_by("date", "id").values_list(*fields)]


def entry_into_force_for(instrument: Instrument, consent: ActionRow) -> EntryIntoForce:
    if consent.kind == ActionKind.SUCCESSION:
        return EntryIntoForce(
            None,
            _(
                "succession notified on %(date)s; a successor State is bound from the date of the "
                "succession of States (its independence), which ctassist does not record, so no "
                "date is computed"
            )
            % {"date": consent.date.isoformat()},
        )
    return for_deposit(instrument, consent.date)


def denunciation_takes_effect(instrument: Instrument, notified: datetime.date) -> datetime.date | None:
    if instrument.denunciation_delay is None:
        return None
    return add_period(notified, instrument.denunciation_delay, instrument.denunciation_delay_unit)


def positions(on: datetime.date, instruments: list[Instrument], state_ids=None) -> dict[tuple, Position]:
    """Position of every (state, instrument) pair on a date. Pairs without any action are
    absent: the caller treats them as not a party, or no data where `instruments_with_data`
    says the instrument has none."""
    by_id = {instrument.id: instrument for instrument in instruments}
    grouped: dict[tuple, list[ActionRow]] = defaultdict(list)
    for action in _actions(on, list(by_id), state_ids):
        grouped[(action.state_id, action.instrument_id)].append(action)
    eif_cache: dict[tuple, EntryIntoForce] = {}
    result = {}
    for key, actions in grouped.items():
        instrument = by_id[key[1]]
        position = Position(key[0], key[1], Standing.NOT_PARTY)
        for action in actions:  # in date order
            if action.kind == ActionKind.SIGNATURE and position.signature is None:
                position.signature = action
            elif action.kind in CONSENT_KINDS:
                position.consent, position.denunciation, position.denunciation_effective = action, None, None
            elif action.kind == ActionKind.DENUNCIATION:
                position.denunciation = action
                position.denunciation_effective = denunciation_takes_effect(instrument, action.date)
        if (
            position.consent
            and position.denunciation
            and (position.denunciation_effective is None or position.denunciation_effective <= on)
        ):
            position.standing = Standing.DENOUNCED
        elif position.consent:
            cache_key = (instrument.id, position.consent.kind == ActionKind.SUCCESSION, position.consent.date)
            if cache_key not in eif_cache:
                eif_cache[cache_key] = entry_into_force_for(instrument, position.consent)
            position.entry_into_force = eif_cache[cache_key]
            eif_date = position.entry_into_force.date
            position.standing = Standing.IN_FORCE if eif_date and eif_date <= on else Standing.PARTY
        elif position.signature:
            position.standing = Standing.SIGNATORY
        result[key] = position
    return result


def positions_as_at(dates: dict[int, StatusDate], instruments, state_ids=None) -> dict[tuple, Position]:
    """`standing.positions` with each instrument taken on its own `figures_on` date."""
    by_day: dict[datetime.date, list[Instrument]] = defaultdict(list)
    for instrument in instruments:
        by_day[dates[instrument.id].figures_on].append(instrument)
    found: dict[tuple, Position] = {}
    for day, group in by_day.items():
        found.update(positions(day, group, state_ids))
    return found


def position_of(found: dict, state_id: int, instrument: Instrument, with_data: set[int]) -> Position:
    position = found.get((state_id, instrument.id))
    if position is not None:
        return position
    standing = Standing.NOT_PARTY if instrument.id in with_data else Standing.NO_DATA
    return Position(state_id, instrument.id, standing)


def party_count_history(instrument: Instrument, until: datetime.date) -> list[tuple[datetime.date, int]]:
    """(date, number of parties from that date) at each date the number changes."""
    changes: dict[datetime.date, int] = defaultdict(int)
    by_state: dict[int, list[ActionRow]] = defaultdict(list)
    for action in _actions(until, [instrument.id]):
        by_state[action.state_id].append(action)
    for actions in by_state.values():
        party_since = None
        for action in actions:
            if action.kind in CONSENT_KINDS and party_since is None:
                party_since = action.date
                changes[action.date] += 1
            elif action.kind == ActionKind.DENUNCIATION and party_since is not None:
                effective = denunciation_takes_effect(instrument, action.date) or action.date
                if effective <= until:
                    changes[effective] -= 1
                    party_since = None
    history, total = [], 0
    for date in sorted(changes):
        total += changes[date]
        history.append((date, total))
    return history


def general_entry_into_force(instrument: Instrument) -> EntryIntoForce:
    """The instrument's own entry into force, computed from the deposits on record by its rule."""
    threshold = instrument.eif_threshold
    if not threshold or instrument.eif_delay is None or not instrument.eif_delay_unit:
        return EntryIntoForce(
            None, _("the rule has no fixed number of instruments, or is not known: not computed")
        )
    consents = (
        TreatyAction.objects.filter(instrument=instrument, kind__in=CONSENT_KINDS)
        .exclude(kind=ActionKind.SUCCESSION)
        .select_related("state")
        .order_by("date", "id")
    )
    deposits = list(consents[:threshold])
    if len(deposits) < threshold:
        return EntryIntoForce(
            None,
            _("only %(found)d instruments of consent on record, %(needed)d needed")
            % {"found": len(deposits), "needed": threshold},
        )
    trigger = deposits[-1]
    date = add_delay(trigger.date, instrument.eif_delay, instrument.eif_delay_unit)
    explanation = _(
        "instrument no. %(n)d (%(kind)s by %(state)s) deposited on %(deposit)s; %(delay)s → %(date)s"
    ) % {
        "n": threshold,
        "kind": trigger.get_kind_display(),
        "state": trigger.state.name(),
        "deposit": trigger.date.isoformat(),
        "delay": (
            _("%(n)d days later") % {"n": instrument.eif_delay}
            if instrument.eif_delay_unit == "days"
            else _("first day of month %(n)d after") % {"n": instrument.eif_delay}
        ),
        "date": date.isoformat(),
    }
    stated = instrument.entry_into_force_date
    if stated and stated != date:
        explanation += "; " + _(
            "the sources give %(stated)s: the status list on record names today's participants, so "
            "deposits by States that no longer exist (predecessor States) may be missing from it"
        ) % {"stated": stated.isoformat()}
    return EntryIntoForce(date, explanation)


def sources_for(instrument_ids) -> list[StatusSource]:
    return list(
        StatusSource.objects.filter(actions__instrument_id__in=instrument_ids).distinct().order_by("name")
    )


class OverviewRow(NamedTuple):
    instrument: Instrument
    position: Position
    statements: list
    dated: StatusDate


@dataclass
class StateOverview:
    on: datetime.date
    rows: list[OverviewRow]
    sources: list[StatusSource]

    @property
    def listed(self) -> list[OverviewRow]:
        """The rows of instruments that have a status list."""
        return [row for row in self.rows if row.dated.has_list]

    @property
    def parties(self) -> list[Instrument]:
        return [row.instrument for row in self.rows if row.position.is_party]

    @property
    def missing(self) -> list[Instrument]:
        """Instruments in existence on the date that the state has not joined (where data exists)."""
        return [row.instrument for row in self.listed if not row.position.is_party]

    @property
    def unknown(self) -> list[Instrument]:
        """Instruments without a status list: whether the state is a party is not known."""
        return [row.instrument for row in self.rows if not row.dated.has_list]

    @property
    def after_as_at(self) -> bool:
        return any(row.dated.after_as_at for row in self.rows)


def state_overview(state, on: datetime.date) -> StateOverview:
    """The state's position towards each instrument adopted by `on`, each as at the date of
    its status list where `on` is later."""
    instruments = list(Instrument.objects.with_titles().adopted_by(on))
    dates = status_dates(on, instruments)
    with_data = {instrument_id for instrument_id, dated in dates.items() if dated.has_list}
    found = positions_as_at(dates, instruments, [state.id])
    action_ids = [pos.consent.id for pos in found.values() if pos.consent] + [
        pos.signature.id for pos in found.values() if pos.signature
    ]
    statements = defaultdict(list)
    for statement in Statement.objects.filter(action_id__in=action_ids).select_related("action"):
        statements[statement.action.instrument_id].append(statement)
    rows = [
        OverviewRow(
            instrument,
            position_of(found, state.id, instrument, with_data),
            statements[instrument.id],
            dates[instrument.id],
        )
        for instrument in instruments
    ]
    return StateOverview(on, rows, sources_for([instrument.id for instrument in instruments]))
