"""What the home page shows of participation: each instrument's parties and the newest actions."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from instruments.models import Instrument
from participation.as_at import StatusDate, status_dates
from participation.models import TreatyAction
from participation.standing import positions_as_at


@dataclass
class InstrumentFigure:
    instrument: Instrument
    dated: StatusDate
    parties: int | None  # None where there is no status list: unknown, never zero


def instrument_figures(asked: datetime.date) -> list[InstrumentFigure]:
    """Each instrument's number of parties on the date asked, or as at its status list's date."""
    instruments = list(Instrument.objects.with_titles())
    dates = status_dates(asked, instruments)
    found = positions_as_at(dates, [i for i in instruments if dates[i.id].has_list])
    counts: dict[int, int] = defaultdict(int)
    for (_state_id, instrument_id), position in found.items():
        counts[instrument_id] += position.is_party
    return [
        InstrumentFigure(
            instrument, dates[instrument.id], counts[instrument.id] if dates[instrument.id].has_list else None
        )
        for instrument in instruments
    ]


def newest_actions(limit: int = 8) -> list[tuple[TreatyAction, StatusDate]]:
    """The latest treaty actions on record, each with the date of the list it comes from."""
    return [
        (action, StatusDate(action.date, action.source.as_at, action.source.name))
        for action in TreatyAction.objects.newest()[:limit]
    ]
