"""The date each instrument's figures are as at: the "status as at" date of its newest status list.

A status list records the actions up to its own date and nothing after. A figure asked for a
later date is therefore not known: ctassist answers as at the list's date and says that later
actions are not recorded, rather than repeat the old figure as if it held today.
"""

import datetime
from dataclasses import dataclass

from participation.models import StatusSource, TreatyAction


@dataclass(frozen=True)
class StatusDate:
    """What ctassist can say about one instrument for the date asked."""

    asked: datetime.date
    as_at: datetime.date | None = None  # the newest status list's date; None: no list at all
    list_name: str = ""

    @property
    def has_list(self) -> bool:
        return self.as_at is not None

    @property
    def after_as_at(self) -> bool:
        """The date asked is after the list's date: actions since then are not recorded."""
        return self.as_at is not None and self.asked > self.as_at

    @property
    def figures_on(self) -> datetime.date:
        """The date the figures are computed for: the date asked, at most the list's date."""
        return self.as_at if self.after_as_at else self.asked

    @property
    def publisher(self) -> str:
        # The shipped lists are named "publisher, title, …"; the part before the first comma
        # is enough to say whose list it is next to a figure (the full citation is below it).
        return self.list_name.split(",")[0].strip()


def newest_lists() -> dict[int, StatusSource]:
    """The newest status list (by its "status as at" date) of each instrument that has one."""
    newest: dict[int, StatusSource] = {}
    sources = StatusSource.objects.in_bulk()
    pairs = TreatyAction.objects.values_list("instrument_id", "source_id").distinct().order_by()
    for instrument_id, source_id in pairs:
        source = sources[source_id]
        known = newest.get(instrument_id)
        if known is None or (source.as_at, source.name) > (known.as_at, known.name):
            newest[instrument_id] = source
    return newest


def status_dates(asked: datetime.date, instruments) -> dict[int, StatusDate]:
    lists = newest_lists()
    return {
        instrument.id: StatusDate(asked, lists[instrument.id].as_at, lists[instrument.id].name)
        if instrument.id in lists
        else StatusDate(asked)
        for instrument in instruments
    }
