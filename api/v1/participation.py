import datetime

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from accounts.access import Action, can, visible
from instruments.models import Instrument
from participation import standing
from participation.as_at import status_dates
from states.models import State

router = Router(tags=["participation"])


class ActionOut(Schema):
    kind: str
    date: datetime.date
    raw: str = Field(description="The entry as written in the status list")


class EntryIntoForceOut(Schema):
    date: datetime.date | None = Field(description="null where ctassist cannot compute it; see explanation")
    explanation: str


class SourceOut(Schema):
    name: str
    as_at: datetime.date = Field(description="Status as at this date")
    licence: str


class PositionOut(Schema):
    state: str = Field(description="ISO3")
    state_name: str
    instrument: str = Field(description="Instrument slug")
    standing: str = Field(description="in-force, party, signatory, denounced, not-party or no-data")
    signature: ActionOut | None
    consent: ActionOut | None = Field(
        description="ratification, accession, acceptance, approval or succession"
    )
    denunciation: ActionOut | None
    denunciation_takes_effect: datetime.date | None
    entry_into_force: EntryIntoForceOut | None
    as_at: datetime.date | None = Field(
        description="Status as at this date: that of the instrument's newest status list; null where "
        "ctassist has none. The position is computed for `on`, or for this date where `on` is later"
    )
    after_as_at: bool = Field(
        description="true when the date asked is after `as_at`: actions since then are not recorded"
    )


class PartiesOut(Schema):
    instrument: str
    on: datetime.date = Field(description="The date asked")
    has_data: bool
    as_at: datetime.date | None = Field(
        description="Status as at: the date of the instrument's newest status list; null without one"
    )
    after_as_at: bool = Field(
        description="true when `on` is after `as_at`: the count is as at `as_at`, later actions not recorded"
    )
    counted_on: datetime.date = Field(description="The date the count is for: `on`, or `as_at` if earlier")
    count: int | None = Field(
        description="Number of parties on `counted_on`; null where ctassist has no status list"
    )
    parties: list[PositionOut]
    sources: list[SourceOut]


def _action(action) -> dict | None:
    return None if action is None else {"kind": action.kind, "date": action.date, "raw": action.raw}


def position_out(position, state, instrument, dated) -> dict:
    eif = position.entry_into_force
    return {
        "state": state.iso3,
        "state_name": state.name(),
        "instrument": instrument.slug,
        "standing": position.standing,
        "signature": _action(position.signature),
        "consent": _action(position.consent),
        "denunciation": _action(position.denunciation),
        "denunciation_takes_effect": position.denunciation_effective,
        "entry_into_force": None if eif is None else {"date": eif.date, "explanation": eif.explanation},
        "as_at": dated.as_at,
        "after_as_at": dated.after_as_at,
    }


def _on(on: datetime.date | None) -> datetime.date:
    return on or datetime.date.today()


@router.get("/participation", response=list[PositionOut], summary="Positions of states towards instruments")
def list_participation(
    request,
    state: str | None = None,
    instrument: str | None = None,
    on: datetime.date | None = Query(None, description="YYYY-MM-DD; default today"),
):
    """Every state × instrument pair (or those of one state or one instrument) on a date."""
    states = visible(request.user, State.objects.all())
    instruments = visible(request.user, Instrument.objects.all())
    if state:
        states = states.filter(iso3=state.upper())
        if not states:
            raise HttpError(404, f"No state with ISO 3166-1 alpha-3 code {state!r}.")
    if instrument:
        instruments = instruments.filter(slug=instrument)
        if not instruments:
            raise HttpError(
                404, f"No instrument with slug {instrument!r}; GET /api/v1/instruments lists them."
            )
    states, instruments = list(states), list(instruments)
    dates = status_dates(_on(on), instruments)
    with_data = {instrument_id for instrument_id, dated in dates.items() if dated.has_list}
    found = standing.positions_as_at(dates, instruments, [s.id for s in states] if state else None)
    return [
        position_out(standing.position_of(found, s.id, i, with_data), s, i, dates[i.id])
        for s in states
        for i in instruments
    ]


@router.get("/instruments/{slug}/parties", response=PartiesOut, summary="Parties to one instrument on a date")
def instrument_parties(request, slug: str, on: datetime.date | None = Query(None, description="YYYY-MM-DD")):
    instrument = Instrument.objects.filter(slug=slug).first()
    if instrument is None or not can(request.user, Action.VIEW, instrument):
        raise HttpError(404, f"No instrument with slug {slug!r}; GET /api/v1/instruments lists the slugs.")
    dated = status_dates(_on(on), [instrument])[instrument.id]
    states = {s.id: s for s in visible(request.user, State.objects.all())}
    has_data = dated.has_list
    found = standing.positions(dated.figures_on, [instrument])
    parties = sorted(
        (
            position_out(position, states[state_id], instrument, dated)
            for (state_id, _i), position in found.items()
            if position.is_party and state_id in states
        ),
        key=lambda p: p["state"],
    )
    return {
        "instrument": instrument.slug,
        "on": dated.asked,
        "has_data": has_data,
        "as_at": dated.as_at,
        "after_as_at": dated.after_as_at,
        "counted_on": dated.figures_on,
        "count": len(parties) if has_data else None,
        "parties": parties,
        "sources": [
            {"name": s.name, "as_at": s.as_at, "licence": s.licence}
            for s in standing.sources_for([instrument.id])
        ],
    }


@router.get("/states/{iso3}/participation", response=list[PositionOut], summary="One state's participation")
def state_participation(request, iso3: str, on: datetime.date | None = Query(None, description="YYYY-MM-DD")):
    state = State.objects.filter(iso3=iso3.upper()).first()
    if state is None or not can(request.user, Action.VIEW, state):
        raise HttpError(404, f"No state with ISO 3166-1 alpha-3 code {iso3!r}.")
    overview = standing.state_overview(state, _on(on))
    return [position_out(row.position, state, row.instrument, row.dated) for row in overview.rows]
