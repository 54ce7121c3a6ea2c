"""Full-text search over the provisions of national laws, in the six UN languages and German.

    from legislation.search import (
        tokenize, index_provisions, remove_provisions, search, SearchHit, reindex_all,
    )

One interface over two databases: SQLite FTS5 (the default database) and PostgreSQL full-text
search (production). Provisions are tokenized here, in Python, by the analyzer of their
law's language (legislation.search.tokenize); the database only stores the terms, separated
by spaces, and ranks: bm25 on SQLite, ts_rank on PostgreSQL. Queries go through the same
analyzers, chosen by script, so a user need not say the language (legislation.search.query).

Keeping the index in step. Saving or deleting a Provision one at a time (the admin, forms,
``save()``, ``delete()``, ``QuerySet.delete()``) updates the index through the signals of
legislation.search.signals. ``bulk_create()``, ``QuerySet.update()``, raw SQL and loaddata
(raw saves) send no signal, or are skipped: whoever writes provisions that way calls
``index_provisions(ids)`` afterwards (or ``reindex_all()``), best in the same transaction.
Changing a law's language also needs ``index_provisions`` of its provisions. The index holds
every provision (unpublished laws and old versions too); ``search()`` filters.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections, router, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL

from legislation.models import Law, Provision
from legislation.search import backends
from legislation.search.models import SearchIndexEntry  # noqa: F401  (registers the index table)
from legislation.search.query import parse_query
from legislation.search.snippets import snippet_html
from legislation.search.tokenize import language_code, tokenize

__all__ = ["SearchHit", "index_provisions", "reindex_all", "remove_provisions", "search", "tokenize"]

BATCH = 500  # provisions read and written per statement
_ROW = ("id", "number", "heading", "text", "version__law__language")


@dataclass(frozen=True)
class SearchHit:
    provision_id: int
    law_id: int
    score: float  # higher is better; comparable within one result list only
    snippet_html: str  # escaped HTML (a SafeString), matching words in <mark>


def document_text(number: str, heading: str, text: str) -> str:
    """What is indexed of a provision: its number, heading and text."""
    return "\n".join(part for part in (number, heading, text) if part)


def documents(rows: Iterable[tuple]) -> list[tuple[int, str]]:
    """(provision id, space-separated terms) of rows (id, number, heading, text, language)."""
    result = []
    for provision_id, number, heading, text, language in rows:
        tokens = " ".join(tokenize(document_text(number, heading, text), language))
        if tokens:
            result.append((provision_id, tokens))
    return result


def index_provisions(provision_ids: Iterable[int], *, using: str | None = None) -> None:
    """(Re)index these provisions; ids that no longer exist leave the index."""
    ids = sorted({int(provision_id) for provision_id in provision_ids})
    if not ids:
        return
    using = using or router.db_for_write(Provision)
    backend = backends.for_connection(connections[using])
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        for part in backends.chunks(ids, BATCH):
            rows = Provision.objects.using(using).filter(id__in=part).order_by().values_list(*_ROW)
            backend.delete(cursor, part)
            backend.insert(cursor, documents(rows))


def remove_provisions(provision_ids: Iterable[int], *, using: str | None = None) -> None:
    ids = sorted({int(provision_id) for provision_id in provision_ids})
    if not ids:
        return
    using = using or router.db_for_write(Provision)
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        backends.for_connection(connections[using]).delete(cursor, ids)


def reindex_all(*, using: str | None = None) -> int:
    """Rebuild the whole index; returns the number of provisions read."""
    using = using or router.db_for_write(Provision)
    return index_rows(Provision.objects.using(using).order_by("id").values_list(*_ROW), using=using)


def index_rows(rows, *, using: str) -> int:
    """Replace the whole index by these rows (id, number, heading, text, language), read in
    batches by id; also used by migration 0002 with its historical model."""
    connection = connections[using]
    backend = backends.for_connection(connection)
    count, last = 0, 0
    with transaction.atomic(using=using), connection.cursor() as cursor:
        backend.clear(cursor)
        while batch := list(rows.filter(id__gt=last)[:BATCH]):
            backend.insert(cursor, documents(batch))
            count, last = count + len(batch), batch[-1][0]
        backend.optimize(cursor)
    return count


def search(
    q: str,
    *,
    state: str | None = None,
    region: str | None = None,
    language: str | None = None,
    kind: str | None = None,
    in_force_on: datetime.date | None = None,
    published_only: bool = True,
    limit: int = 20,
    offset: int = 0,
) -> tuple[int, list[SearchHit]]:
    """Provisions matching every word of `q`, best first: (total, one page of hits).

    Without `in_force_on`, only current versions (valid_to is null); with it, laws in force
    on that date and, of each, the version valid on that date."""
    query = parse_query(q)
    if not query:
        return 0, []
    using = router.db_for_read(Provision)
    connection = connections[using]
    backend = backends.for_connection(connection)
    candidates = _candidates(state, region, language, kind, in_force_on, published_only).using(using)
    candidates = candidates.filter(id__in=RawSQL("SELECT id FROM search_match", [])).order_by().values("id")
    try:
        ids_sql, ids_params = candidates.query.sql_with_params()
    except EmptyResultSet:
        return 0, []
    match_sql, match_params = backend.match(query.groups)
    with_match = f"WITH search_match AS MATERIALIZED ({match_sql}) "
    where = f"FROM search_match m WHERE m.id IN ({ids_sql})"
    limit, offset = max(0, int(limit)), max(0, int(offset))
    with connection.cursor() as cursor:
        cursor.execute(
            f"{with_match} SELECT m.id, m.score, COUNT(*) OVER () {where} ORDER BY m.score DESC, m.id "
            "LIMIT %s OFFSET %s",
            [*match_params, *ids_params, limit, offset],
        )
        rows = cursor.fetchall()
        if rows:
            total = rows[0][2]
        elif offset:
            cursor.execute(f"{with_match} SELECT COUNT(*) {where}", [*match_params, *ids_params])
            total = cursor.fetchone()[0]
        else:
            total = 0
    details = {
        row[0]: row[1:]
        for row in Provision.objects.using(using)
        .filter(id__in=[row[0] for row in rows])
        .values_list("id", "version__law_id", "heading", "text", "version__law__language")
    }
    hits = [
        SearchHit(
            provision_id=provision_id,
            law_id=details[provision_id][0],
            score=float(score),
            snippet_html=snippet_html(*details[provision_id][1:], query.terms),
        )
        for provision_id, score, _total in rows
        if provision_id in details
    ]
    return total, hits


def _candidates(state, region, language, kind, in_force_on, published_only):
    provisions = Provision.objects.all()
    if published_only:
        provisions = provisions.filter(version__law__published=True)
    if state:
        provisions = provisions.filter(version__law__state__iso3=state.upper())
    if region:
        from states.models import State

        provisions = provisions.filter(version__law__state__in=State.objects.in_area(region))
    if language:
        code = language_code(language)
        provisions = provisions.filter(
            Q(version__law__language__iexact=code) | Q(version__law__language__istartswith=f"{code}-")
        )
    if kind:
        provisions = provisions.filter(version__law__kind=kind)
    if in_force_on:
        provisions = provisions.filter(
            Q(version__valid_to__isnull=True) | Q(version__valid_to__gt=in_force_on),
            version__law__in=Law.objects.in_force_on(in_force_on),
            version__valid_from__lte=in_force_on,
        )
    else:
        provisions = provisions.filter(version__valid_to__isnull=True)
    return provisions
