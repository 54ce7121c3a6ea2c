"""The edition of the thesaurus and the review's checklist: a number raised whenever a concept,
a concept's name, a term or an obligation changes, so that what was prepared from them (the
matcher, the suggestion engine's obligations, the review's cached suggestions) is prepared
again, and otherwise kept.

Two counters, because several web processes serve the site:
- `Edition` (one row in the database) is raised in the transaction that makes the change, so
  every process sees it; a request reads it once at most (`number()`);
- `_bumps`, this process's own count of changes, is raised too, so the process that made a
  change sees it at once, and also when its transaction is rolled back (as tests are).

The signals below cover saves and deletions one record at a time (the admin, forms); whoever
writes these records in bulk (`bulk_create`, `QuerySet.update`, the reference loaders) calls
`bump()` afterwards. The assessments app connects its obligations the same way."""

import threading

from django.core.signals import request_finished, request_started
from django.db.models import F
from django.db.models.signals import post_delete, post_save

from thesaurus.models import Concept, ConceptLabel, Edition, Term

_bumps = 0
_request = threading.local()  # .number: the database's edition as read in this request


def bump(**_signal) -> None:
    """Record a change of the thesaurus or the checklist (also a signal receiver)."""
    global _bumps
    _bumps += 1
    _request.number = None
    if not Edition.objects.filter(pk=1).update(number=F("number") + 1):
        Edition.objects.get_or_create(pk=1, defaults={"number": 1})


def number() -> int:
    """The database's edition: read once per request (every time outside a request)."""
    if getattr(_request, "active", False) and getattr(_request, "number", None) is not None:
        return _request.number
    found = Edition.objects.filter(pk=1).values_list("number", flat=True).first() or 0
    if getattr(_request, "active", False):
        _request.number = found
    return found


def current() -> tuple[int, int]:
    """Changes whenever the thesaurus or the checklist has changed, in any process."""
    return (number(), _bumps)


def _request_started(**_signal) -> None:
    _request.active, _request.number = True, None


def _request_finished(**_signal) -> None:
    _request.active, _request.number = False, None


request_started.connect(_request_started, dispatch_uid="thesaurus-edition-start")
request_finished.connect(_request_finished, dispatch_uid="thesaurus-edition-finish")
for model in (Concept, ConceptLabel, Term):
    post_save.connect(bump, sender=model, dispatch_uid=f"thesaurus-edition-save-{model.__name__}")
    post_delete.connect(bump, sender=model, dispatch_uid=f"thesaurus-edition-delete-{model.__name__}")
