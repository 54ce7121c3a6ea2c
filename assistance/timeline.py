"""Records as they stood at a moment, read from their history (simple_history records every
save and every move with its date), so that the matrix of a past month can be produced
again, identical, whatever happened since.

A record whose history begins after the moment did not exist then and is left out. A record
with no history at all was written in bulk (the demonstration generator, an import): nothing
is known of its past, so it is taken as it is now."""

import calendar
import datetime

from django.db.models import Max
from django.utils import timezone
from simple_history.models import HistoricalRecords


def month_moment(year: int, month: int, now: datetime.datetime | None = None) -> datetime.datetime:
    """The moment a month's matrix shows: the end of the month, or now while it is not over."""
    now = now or timezone.now()
    last_day = calendar.monthrange(year, month)[1]
    end = datetime.datetime(year, month, last_day, 23, 59, 59, 999999)
    end = timezone.make_aware(end) if timezone.is_naive(end) else end
    return min(end, now)


def month_start(year: int, month: int) -> datetime.datetime:
    start = datetime.datetime(year, month, 1)
    return timezone.make_aware(start) if timezone.is_naive(start) else start


def latest_rows(model, ids_query, moment: datetime.datetime, fields: list[str]) -> dict[int, dict]:
    """The newest historical row of each record at the moment, by id (with history_id and history_type)."""
    history = model.history.model
    latest = (
        history.objects.filter(id__in=ids_query, history_date__lte=moment)
        .values("id")
        .annotate(last=Max("history_id"))
        .values("last")
    )
    return {
        row["id"]: row
        for row in history.objects.filter(history_id__in=latest).values(
            "id", "history_id", "history_type", *fields
        )
    }


def with_history(model, ids_query) -> set[int]:
    """The records of `ids_query` that have a history at all."""
    return set(model.history.model.objects.filter(id__in=ids_query).values_list("id", flat=True).distinct())


def as_of(model, queryset, moment: datetime.datetime, fields: list[str]) -> dict[int, dict]:
    """The records of `queryset` as they stood at the moment: {id: {"id", *fields}}; a record
    deleted by then, or not yet recorded, is left out."""
    ids = queryset.values("id")
    then = latest_rows(model, ids, moment, fields)
    recorded = with_history(model, ids)
    rows = {}
    for row in queryset.values("id", *fields):
        if row["id"] in then:
            if then[row["id"]]["history_type"] != "-":
                rows[row["id"]] = then[row["id"]]
        elif row["id"] not in recorded:
            rows[row["id"]] = row
    return rows


def m2m_as_of(model, field_name: str, history_ids: dict[int, int], current_ids) -> dict[int, list[int]]:
    """A many-to-many field as it stood: {record id: [related ids]}. `history_ids` maps a record
    to its historical row at the moment; records without one (no history) read today's links."""
    field = model._meta.get_field(field_name)
    target = f"{field.m2m_reverse_field_name()}_id"
    linked: dict[int, list[int]] = {}
    m2m_history = _m2m_history_model(model, field_name)
    by_history = {history_id: record_id for record_id, history_id in history_ids.items()}
    for history_id, related_id in m2m_history.objects.filter(history_id__in=list(by_history)).values_list(
        "history_id", target
    ):
        linked.setdefault(by_history[history_id], []).append(related_id)
    through = field.remote_field.through
    source = f"{field.m2m_field_name()}_id"
    for record_id, related_id in through.objects.filter(**{f"{source}__in": list(current_ids)}).values_list(
        source, target
    ):
        linked.setdefault(record_id, []).append(related_id)
    return linked


def _m2m_history_model(model, field_name: str):
    for field, m2m_model in HistoricalRecords.m2m_models.items():
        if field.model is model and field.name == field_name:
            return m2m_model
    raise LookupError(f"{model.__name__}.{field_name} has no history")
