"""Full-text search over the provisions of national laws, in the six UN languages and German.

    from legislation.search import (
        tokenize, index_provisions, remove_provisions, search, SearchHit, reindex_all,
    )

One interface over two databases: SQLite FTS5 (the default database) and PostgreSQL full-text
search (production). Provisions are tokenized here, in Python, by the analyzer of their
law's language (thesaurus.analysis); the database only stores the terms, separated
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

import dataclasses
import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connections, router, transaction
from django.db.models import Q

from legislation.models import Law, LawVersion, Provision
from legislation.search import backends
from legislation.search.backends.batches import chunks
from legislation.search.models import SearchIndexEntry  # noqa: F401  (registers the index table)
from legislation.search.query import parse_query
from legislation.search.snippets import snippet_html
from states.models import State
from thesaurus.analysis import language_code, tokenize

__all__ = [
    "RANK_WINDOW",
    "SearchHit",
    "index_provisions",
    "reindex_all",
    "remove_provisions",
    "search",
    "search_any",
    "with_snippets",
    "tokenize",
    "total_is_exact",
]

BATCH = 500  # provisions read and written per statement
ROW = ("id", "version_id", "number", "heading", "text", "version__law__language")
# A word found in very many provisions (a tenth of a million-provision corpus) can be neither
# ranked nor counted in full within a tenth of a second: the newest RANK_WINDOW matches (the
# texts added last) are ranked, and the total says "more than RANK_WINDOW" (RANK_WINDOW + 1).
# 1,000: PostgreSQL reads the terms of each row it walks (10,000 took 120 ms there, and
# 2,000 up to 85 ms for two words that go together in 3 % of the provisions).
RANK_WINDOW = 1_000


@dataclass(frozen=True)
class SearchHit:
    provision_id: int
    law_id: int
    score: float  # higher is better; comparable within one result list only
    snippet_html: str  # escaped HTML (a SafeString), matching words in <mark>
    # search_any(): (heading, text, law language) as read, so that with_snippets() makes the
    # snippet of a hit kept without reading the provision again.
    document: tuple[str, str, str] | None = field(default=None, repr=False, compare=False)


def document_text(number: str, heading: str, text: str) -> str:
    """What is indexed of a provision: its number, heading and text."""
    return "\n".join(part for part in (number, heading, text) if part)


def documents(rows: Iterable[tuple], encode) -> list[tuple]:
    """(provision id, version id, encoded terms) of rows in the order of ROW that have terms."""
    result = []
    for provision_id, version_id, number, heading, text, language in rows:
        if terms := tokenize(document_text(number, heading, text), language):
            result.append((provision_id, version_id, encode(terms)))
    return result


def term_encoder(using: str | None = None):
    """How the index of this database stores a provision's terms (for workers.Terms)."""
    return backends.for_connection(connections[using or router.db_for_write(Provision)]).encode


def index_provisions(provision_ids: Iterable[int], *, using: str | None = None) -> None:
    """(Re)index these provisions; ids that no longer exist leave the index."""
    ids = sorted({int(provision_id) for provision_id in provision_ids})
    if not ids:
        return
    using = using or router.db_for_write(Provision)
    backend = backends.for_connection(connections[using])
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        for part in chunks(ids, BATCH):
            rows = Provision.objects.using(using).filter(id__in=part).order_by().values_list(*ROW)
            backend.delete(cursor, part)
            backend.insert(cursor, documents(rows, backend.encode))


def index_new_provisions(provisions: list[Provision], terms: Iterable, *, using: str | None = None) -> None:
    """Index provisions just created, with their terms encoded for this database (one per
    provision, in order, None for none) made beforehand or still being made
    (workers.Terms(…, term_encoder())): nothing to read back and nothing to delete first.
    Each batch is written as soon as its terms are there."""
    using = using or router.db_for_write(Provision)
    backend = backends.for_connection(connections[using])
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        batch: list[tuple[int, int, str]] = []
        for provision, provision_terms in zip(provisions, terms, strict=True):
            if provision_terms is not None:
                batch.append((provision.id, provision.version_id, provision_terms))
            if len(batch) == BATCH:
                backend.insert(cursor, batch)
                batch = []
        backend.insert(cursor, batch)


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
    return index_rows(Provision.objects.using(using).order_by("id").values_list(*ROW), using=using)


def index_rows(rows, *, using: str) -> int:
    """Replace the whole index by these rows (in the order of ROW), read in batches by id;
    also used by migration 0003 with its historical model."""
    connection = connections[using]
    backend = backends.for_connection(connection)
    count, last = 0, 0
    with transaction.atomic(using=using), connection.cursor() as cursor:
        backend.clear(cursor)
        while batch := list(rows.filter(id__gt=last)[:BATCH]):
            backend.insert(cursor, documents(batch, backend.encode))
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
    window: int | None = None,
) -> tuple[int, list[SearchHit]]:
    """Provisions matching every word of `q`, best first: (total, one page of hits).

    Without `in_force_on`, only current versions (valid_to is null); with it, laws in force
    on that date and, of each, the version valid on that date. When more than `window`
    (RANK_WINDOW) provisions match, the newest `window` of them are ranked, pages stop there,
    and the total is `window` + 1, meaning "more than `window`" (see total_is_exact)."""
    query = parse_query(q)
    if not query:
        return 0, []
    return _search(query, (state, region, language, kind, in_force_on, published_only), limit, offset, window)


def search_any(
    queries: list[str],
    *,
    languages: list[str | None] | None = None,
    limit: int = 5,
    window: int = 200,
    state: str | None = None,
    region: str | None = None,
    language: str | None = None,
    kind: str | None = None,
    in_force_on: datetime.date | None = None,
    published_only: bool = True,
) -> list[list[SearchHit]]:
    """For each of `queries` (all its words required), its `limit` best matching provisions
    among recent matches, in one statement (backend `best_of_each`); `languages`, parallel
    to `queries`, names the language of each where it is known."""
    languages = languages or [None] * len(queries)
    parsed = [parse_query(q, lang) for q, lang in zip(queries, languages, strict=True)]
    streams: list[list[SearchHit]] = [[] for _query in parsed]
    if not any(parsed):
        return streams
    using = router.db_for_read(Provision)
    connection = connections[using]
    backend = backends.for_connection(connection)
    scope = _scope(using, (state, region, language, kind, in_force_on, published_only))
    if scope is None:
        return streams
    expressions = {index: backend.expression(query.groups) for index, query in enumerate(parsed) if query}
    with connection.cursor() as cursor:
        rows = backend.best_of_each(
            cursor, expressions, scope, limit=max(0, int(limit)), window=window, published_only=published_only
        )
    details = _details(using, [row[0] for row in rows])
    for provision_id, score, index in sorted(rows, key=lambda row: (-row[1], -row[0])):
        if provision_id in details:
            law_id, _number, heading, text, law_language = details[provision_id]
            # No snippet yet: a page keeps few of these hits (with_snippets).
            hit = SearchHit(provision_id, law_id, float(score), "", (heading, text, law_language))
            streams[index].append(hit)
    return streams


def with_snippets(hits: list[SearchHit], queries: list[str], languages: list[str | None]) -> list[SearchHit]:
    """The hits of search_any() with their snippets, each for the query (and its language)
    that found it."""
    unread = [hit.provision_id for hit in hits if hit.document is None]
    details = {
        provision_id: (heading, text, law_language)
        for provision_id, (_law, _number, heading, text, law_language) in _details(
            router.db_for_read(Provision), unread
        ).items()
    }
    done = []
    for hit, q, query_language in zip(hits, queries, languages, strict=True):
        document = hit.document or details.get(hit.provision_id)
        if document:
            heading, text, law_language = document
            terms = parse_query(q, query_language).terms
            done.append(
                dataclasses.replace(hit, snippet_html=snippet_html(heading, text, law_language, terms))
            )
    return done


def _details(using: str, ids: list[int]) -> dict[int, tuple]:
    return {
        row[0]: row[1:]
        for row in Provision.objects.using(using)
        .filter(id__in=ids)
        .values_list("id", "version__law_id", "number", "heading", "text", "version__law__language")
    }


def _scope(using: str, filters: tuple) -> tuple[str, list] | None:
    """The SQL and parameters of the versions a search may return; None when there are none."""
    try:
        return _versions(*filters).using(using).order_by().values("id").query.sql_with_params()
    except EmptyResultSet:
        return None


def _search(
    query, filters: tuple, limit: int, offset: int, window: int | None
) -> tuple[int, list[SearchHit]]:
    using = router.db_for_read(Provision)
    connection = connections[using]
    backend = backends.for_connection(connection)
    *_filters, published_only = filters
    scope = _scope(using, filters)
    if scope is None:
        return 0, []
    limit, offset = max(0, int(limit)), max(0, int(offset))
    window = RANK_WINDOW if window is None else window
    with connection.cursor() as cursor:
        sql, params = backend.ranked(
            cursor, backend.expression(query.groups), scope, window=window + 1, published_only=published_only
        )
        # One match beyond the window tells "more than"; it is not ranked.
        cursor.execute(
            "SELECT id, score, total FROM (SELECT id, score, COUNT(*) OVER () AS total, "
            f"ROW_NUMBER() OVER (ORDER BY id DESC) AS newness FROM ({sql}) matches) ranked "
            "WHERE newness <= %s ORDER BY score DESC, id LIMIT %s OFFSET %s",
            [*params, window, limit, offset],
        )
        rows = cursor.fetchall()
        if rows:
            total = rows[0][2]
        else:
            cursor.execute(f"SELECT COUNT(*) FROM ({sql}) ranked", params)
            total = cursor.fetchone()[0]
    details = _details(using, [row[0] for row in rows])
    hits = []
    for provision_id, score, _total in rows:
        if provision_id in details:
            law_id, _number, heading, text, law_language = details[provision_id]
            snippet = snippet_html(heading, text, law_language, query.terms)
            hits.append(
                SearchHit(provision_id=provision_id, law_id=law_id, score=float(score), snippet_html=snippet)
            )
    return total, hits


def total_is_exact(total: int, window: int | None = None) -> bool:
    """False when `total` only says "more than the window" (a very common query)."""
    return total <= (RANK_WINDOW if window is None else window)


def _versions(state, region, language, kind, in_force_on, published_only):
    """The versions whose provisions a search may return: a few thousand rows at most, so
    they are chosen first and the index filters its matches by version."""
    laws = Law.objects.all()
    if published_only:
        laws = laws.filter(published=True)
    if state:
        laws = laws.filter(state__iso3=state.upper())
    if region:
        laws = laws.filter(state__in=State.objects.in_area(region))
    if language:
        code = language_code(language)
        laws = laws.filter(Q(language__iexact=code) | Q(language__istartswith=f"{code}-"))
    if kind:
        laws = laws.filter(kind=kind)
    versions = LawVersion.objects.all()
    if in_force_on:
        laws = laws.in_force_on(in_force_on)
        versions = versions.filter(
            Q(valid_to__isnull=True) | Q(valid_to__gt=in_force_on), valid_from__lte=in_force_on
        )
    else:
        versions = versions.filter(valid_to__isnull=True)
    return versions.filter(law__in=laws)
