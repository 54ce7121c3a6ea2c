"""One lifecycle for every record with a status: requests, activities, reviews, outcomes, plans.

Each model declares its `Lifecycle` (its statuses, the allowed moves, who may make them and
what the refusals say) as the class attribute `lifecycle`; every status change in the project
goes through the one verb `move(record, to, by=user, reason="")`. It refuses with
`MoveRefused` and changes nothing, or sets the status (and what the move stamps, such as who
decided and when), saves once, and leaves who and why to the record's history
(simple_history keeps the when).

A refusal is both a `MoveRefused` and what a view already knows how to answer: a move the
lifecycle does not allow, or one missing its reason, is a `ValidationError` (shown on the
page, status 400); a move the user may not make is a `PermissionDenied` (403).
"""

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

# A predicate of accounts.access: may this user make this move on this record?
May = Callable[[object, models.Model], bool]
# What a move sets besides the status, e.g. who decided: returns the names of the fields it set.
Stamp = Callable[[models.Model, object, str], list[str]]


class MoveRefused(Exception):
    """A status change refused: the record is left as it was."""


class MoveNotAllowed(MoveRefused, ValidationError):
    """The lifecycle has no such move, or the move needs a reason and has none."""


class MoveForbidden(MoveRefused, PermissionDenied):
    """The user may not make this move."""


@dataclass(frozen=True)
class Move:
    """One allowed move, with what it asks beyond the lifecycle's own rule."""

    source: str
    target: str
    may: May | None = None  # a further predicate, e.g. only staff make a review final
    forbidden: str = ""  # the refusal when `may` says no
    needs_reason: str = ""  # the refusal when the reason is blank; empty: no reason asked
    stamp: Stamp | None = None  # fields this move sets besides the status


@dataclass(frozen=True)
class Lifecycle:
    statuses: type[models.TextChoices]
    moves: tuple[Move, ...]
    may: May  # who may move this kind of record at all
    forbidden: str  # the refusal when `may` says no
    # The refusal of a move not in the map, with %(from)s and %(to)s (%(status)s is the
    # from too); a mapping gives a message per target, falling back to its None key.
    cannot_go: str | Mapping
    stamp: Stamp | None = None  # fields every move sets besides the status
    field: str = "status"
    _by_pair: dict = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "_by_pair", {(m.source, m.target): m for m in self.moves})

    def label(self, status: str) -> str:
        return self.statuses(status).label if status in self.statuses.values else status

    def moves_for(self, user, record) -> list[tuple[str, str]]:
        """The moves this user may make now, as (target, label): the buttons of a page."""
        if not self.may(user, record):
            return []
        current = getattr(record, self.field)
        return [
            (m.target, self.label(m.target))
            for m in self.moves
            if m.source == current and (m.may is None or m.may(user, record))
        ]

    def check(self, record, to: str, by, reason: str = "") -> Move:
        """The move from the record's status to `to`, or the refusal."""
        if not self.may(by, record):
            raise MoveForbidden(self.forbidden)
        current = getattr(record, self.field)
        step = self._by_pair.get((current, to))
        if step is None:
            message = self.cannot_go
            if isinstance(message, Mapping):
                message = message.get(to, message[None])
            label = self.label(current)
            raise MoveNotAllowed(message % {"from": label, "to": self.label(to), "status": label})
        if step.may is not None and not step.may(by, record):
            raise MoveForbidden(step.forbidden)
        if step.needs_reason and not reason.strip():
            raise MoveNotAllowed(step.needs_reason)
        return step


def move(record: models.Model, to: str, *, by, reason: str = "") -> models.Model:
    """Move a record along its lifecycle, or refuse with `MoveRefused` and change nothing."""
    lifecycle: Lifecycle = type(record).lifecycle
    reason = reason.strip()
    with transaction.atomic():
        # Judge the move from the status in the database, not from a page read a while ago:
        # two people pressing the same button move the record once.
        current = (
            type(record)._default_manager.select_for_update().values_list(lifecycle.field, flat=True)
        ).get(pk=record.pk)
        setattr(record, lifecycle.field, current)
        step = lifecycle.check(record, to, by, reason)
        changed = [lifecycle.field]
        setattr(record, lifecycle.field, to)
        for stamp in (lifecycle.stamp, step.stamp):
            if stamp is not None:
                changed += stamp(record, by, reason)
        # Who moved it and why, in the record's history (the page's middleware is not there
        # when a command or a test moves it).
        record._history_user = by
        if reason:
            record._change_reason = reason[:100]  # the history's column holds 100 characters
        record.save(update_fields=changed)
    return record


class StatusReadOnlyOnceCreated:
    """For a ModelAdmin: a record is created at any status (a plan that already stands
    further, a law linked by hand); after that its status changes only with `move`."""

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields if obj is None else [*fields, type(obj).lifecycle.field]
