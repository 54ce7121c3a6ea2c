"""PostgreSQL: a table of tsvectors made from our own terms, with a GIN index.

    CREATE TABLE legislation_search (
        provision_id bigint PRIMARY KEY REFERENCES legislation_provision ON DELETE CASCADE,
        tokens tsvector NOT NULL,
        version_id bigint NOT NULL,          -- migration 0003: filters need no join
        published boolean NOT NULL)          -- migration 0004: the law's, kept by triggers
    CREATE INDEX legislation_search_tokens ON legislation_search USING gin (tokens)
    CREATE INDEX legislation_search_version ON legislation_search (version_id)
    CREATE INDEX legislation_search_published ON legislation_search (provision_id) WHERE published

The terms are already ours (thesaurus.analysis), so PostgreSQL's parser never sees
them: provisions go in as tsvectors made here, in PostgreSQL's binary format, by one COPY,
and queries as tsquery literals. (to_tsvector('simple', …) of the terms joined by spaces
made the same tsvectors at four times the cost in the database: 0.30 s against 0.07 s for
5,100 Chinese articles, the time a large import spent waiting.)

Ranking: ts_rank() with normalization 1 (divided by 1 + the log of the length).
"""

from collections import defaultdict
from struct import Struct, pack

from django.db import transaction

TABLE = "legislation_search"
# What to_tsvector keeps within the limits of a tsvector (PostgreSQL's tsvector.h): words of
# at most 2,047 bytes, the first 255 positions of each, positions up to 16,383 (later ones
# count as 16,383), and lexemes and positions together under 1 MB (a whole code as one
# provision is cut there).
MAX_LEXEME_BYTES = 2_047
MAX_POSITIONS = 255
MAX_POSITION = 16_383
MAX_TSVECTOR_BYTES = 1_000_000
_COPY_HEADER = b"PGCOPY\n\xff\r\n\x00" + Struct(">ii").pack(0, 0)
_COPY_ROW = Struct(">hiqiqi")  # 4 fields: provision_id and version_id (bigint), tokens …
_COPY_PUBLISHED = (Struct(">i?").pack(1, False), Struct(">i?").pack(1, True))  # … published
_COPY_END = Struct(">h").pack(-1)
_COUNT = Struct(">i")
_ONE_POSITION = Struct(">BHH")  # the lexeme's closing NUL, 1 position, the position


def encode(terms: list[str]) -> bytes:
    """The terms as a tsvector in PostgreSQL's binary format (tsvectorrecv): each distinct
    term with its positions, counted from 1."""
    positions: defaultdict[str, list[int]] = defaultdict(list)
    for position, term in enumerate(terms[:MAX_POSITION], 1):
        positions[term].append(position)
    for term in terms[MAX_POSITION:]:
        found = positions[term]
        if not found or found[-1] < MAX_POSITION:
            found.append(MAX_POSITION)
    parts = [b""]
    size = 0
    for term, found in positions.items():
        lexeme = term.encode()
        if len(lexeme) > MAX_LEXEME_BYTES:
            continue
        count = len(found)
        size += len(lexeme) + 4 + 2 * count
        if size > MAX_TSVECTOR_BYTES:
            break
        if count == 1:
            parts.append(lexeme + _ONE_POSITION.pack(0, 1, found[0]))
        else:
            count = min(count, MAX_POSITIONS)
            parts.append(lexeme + pack(f">B{count + 1}H", 0, count, *found[:count]))
    parts[0] = _COUNT.pack(len(parts) - 1)
    return b"".join(parts)


def delete(cursor, ids: list[int]) -> None:
    if ids:
        cursor.execute(f"DELETE FROM {TABLE} WHERE provision_id = ANY(%s)", [list(ids)])


def insert(cursor, documents: list[tuple[int, int, bytes]]) -> None:
    """Documents (provision id, version id, encode()) of provisions not in the index."""
    if not documents:
        return
    cursor.execute(
        "SELECT v.id FROM legislation_lawversion v JOIN legislation_law l ON l.id = v.law_id "
        "WHERE v.id = ANY(%s) AND l.published",
        [sorted({version_id for _provision_id, version_id, _tokens in documents})],
    )
    published = {version_id for (version_id,) in cursor.fetchall()}
    rows = [
        _COPY_ROW.pack(4, 8, provision_id, 8, version_id, len(tokens))
        + tokens
        + _COPY_PUBLISHED[version_id in published]
        for provision_id, version_id, tokens in documents
    ]
    with cursor.cursor.copy(
        f"COPY {TABLE} (provision_id, version_id, tokens, published) FROM STDIN (FORMAT BINARY)"
    ) as copy:
        copy.write(b"".join([_COPY_HEADER, *rows, _COPY_END]))


def clear(cursor) -> None:
    cursor.execute(f"DELETE FROM {TABLE}")


def optimize(cursor) -> None:
    cursor.execute(f"ANALYZE {TABLE}")


def ranked(
    cursor, expression: str, scope: tuple[str, list], window: int, published_only: bool = False
) -> tuple[str, list]:
    """The newest `window` matches within the versions of `scope` (a SELECT of version ids),
    ranked: ts_rank reads the terms of those rows only. (The planner reaches a few versions
    through the index on version_id by itself.) `published_only`: the scope has published
    laws only, and the walk takes the index of the published rows."""
    scope_sql, scope_params = scope
    published = " AND published" if published_only else ""
    return (
        f"SELECT w.provision_id AS id, ts_rank(s.tokens, %s::tsquery, 1) AS score FROM ("
        f"SELECT provision_id FROM {TABLE} WHERE tokens @@ %s::tsquery "
        f"AND version_id IN ({scope_sql}){published} ORDER BY provision_id DESC LIMIT %s) w "
        f"JOIN {TABLE} s ON s.provision_id = w.provision_id",
        [expression, expression, *scope_params, window],
    )


def best_of_each(
    cursor, expressions: dict[int, str], scope, limit: int, window: int, published_only: bool = False
) -> list[tuple]:
    """(id, score, key) of each expression's `limit` best among the newest `window` rows that
    match any of them, in one walk of the newest rows.

    One subquery per expression left the planner to guess, for each, between walking the
    newest rows and sorting every match, from word frequencies taken as independent (恐怖 &
    活动: 1,949 rows guessed, 25,440 found, 44 ms); the expressions together match many rows,
    so one walk stops soon. A rare expression may find nothing among those rows. In a
    transaction of its own, if need be, for SET LOCAL."""
    with transaction.atomic(using=cursor.db.alias):
        return _best_of_each(cursor, expressions, scope, limit, window, published_only)


def _best_of_each(cursor, expressions, scope, limit, window, published_only) -> list[tuple]:
    scope_sql, scope_params = scope
    published = " AND published" if published_only else ""
    keys = list(expressions)
    flags = ", ".join(
        "CASE WHEN tokens @@ %s::tsquery THEN ts_rank(tokens, %s::tsquery, 1) END" for _key in keys
    )
    flag_params = [value for key in keys for value in (expressions[key], expressions[key])]
    # The terms of a concept go together, so their matches are many more than the planner
    # guesses from independent word frequencies (58,140 found for 3,970 guessed), and it
    # would take the GIN index and sort them all (180 ms): walk the newest rows instead.
    cursor.execute("SET LOCAL enable_bitmapscan = off")
    cursor.execute(
        f"SELECT provision_id, {flags} FROM {TABLE} WHERE tokens @@ %s::tsquery "
        f"AND version_id IN ({scope_sql}){published} ORDER BY provision_id DESC LIMIT %s",
        [*flag_params, any_of(list(expressions.values())), *scope_params, window * len(keys)],
    )
    best: dict[int, list[tuple]] = {key: [] for key in keys}
    for provision_id, *scores in cursor.fetchall():
        for key, score in zip(keys, scores, strict=True):
            if score is not None:
                best[key].append((provision_id, score, key))
    return [row for key in keys for row in sorted(best[key], key=lambda r: (-r[1], -r[0]))[:limit]]


def any_of(expressions: list[str]) -> str:
    """A tsquery matching any of these (each an expression())."""
    return expressions[0] if len(expressions) == 1 else " | ".join(f"({e})" for e in expressions)


def expression(groups) -> str:
    """A tsquery: each term quoted, alternatives with |, groups with &."""
    return " & ".join("(" + " | ".join(_quote(term) for term in sorted(group)) + ")" for group in groups)


def _quote(term: str) -> str:
    # A word longer than a lexeme can be is in no tsvector; cut, it still matches nothing,
    # where PostgreSQL would refuse the whole query.
    if len(term.encode()) > MAX_LEXEME_BYTES:
        term = term.encode()[:MAX_LEXEME_BYTES].decode(errors="ignore")
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"
