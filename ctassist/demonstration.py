"""The page-wide banner for pages that show demonstration records.

A view that shows records calls `mark_demonstration(request, records)`; base.html
includes demonstration_banner.html, which shows the banner when the request is marked.
Marking the request, not the context, lets any view (or a template tag, or an inclusion
of a list) say so without passing a variable through every render call."""

from django.db.models import QuerySet


def mark_demonstration(request, records) -> bool:
    """Mark the request when `records` (a queryset, an iterable of records, or a bool)
    holds at least one demonstration record; returns whether it does."""
    if isinstance(records, bool):
        shows = records
    elif isinstance(records, QuerySet):
        shows = records.filter(demonstration=True).exists()
    else:
        shows = any(getattr(record, "demonstration", False) for record in records)
    if shows:
        request.shows_demonstration = True
    return shows
