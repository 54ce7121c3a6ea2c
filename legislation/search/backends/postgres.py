"""PostgreSQL: a table of tsvectors built with the `simple` configuration (no stemming
or stop words of PostgreSQL's own: the terms are already ours), with a GIN index.

    CREATE TABLE legislation_search (
        provision_id bigint PRIMARY KEY REFERENCES legislation_provision ON DELETE CASCADE,
        tokens tsvector NOT NULL,
        version_id bigint NOT NULL)          -- migration 0003: filters need no join
    CREATE INDEX legislation_search_tokens ON legislation_search USING gin (tokens)
    CREATE INDEX legislation_search_version ON legislation_search (version_id)

Ranking: ts_rank() with normalization 1 (divided by 1 + the log of the length).
"""

TABLE = "legislation_search"
# A tsvector holds at most 1 MB; terms beyond this (a whole code as one provision) are cut.
MAX_TOKENS_CHARS = 400_000


def delete(cursor, ids: list[int]) -> None:
    if ids:
        cursor.execute(f"DELETE FROM {TABLE} WHERE provision_id = ANY(%s)", [list(ids)])


def insert(cursor, documents: list[tuple[int, int, str]]) -> None:
    if not documents:
        return
    ids, versions, tokens = zip(*documents, strict=True)
    cursor.execute(
        f"INSERT INTO {TABLE} (provision_id, version_id, tokens) "
        "SELECT d.id, d.version_id, to_tsvector('simple', d.tokens) "
        "FROM unnest(%s::bigint[], %s::bigint[], %s::text[]) AS d(id, version_id, tokens) "
        "ON CONFLICT (provision_id) DO UPDATE SET version_id = EXCLUDED.version_id, tokens = EXCLUDED.tokens",
        [list(ids), list(versions), [_cut(t) for t in tokens]],
    )


def clear(cursor) -> None:
    cursor.execute(f"DELETE FROM {TABLE}")


def optimize(cursor) -> None:
    cursor.execute(f"ANALYZE {TABLE}")


def ranked(cursor, expression: str, scope: tuple[str, list], window: int) -> tuple[str, list]:
    """The newest `window` matches within the versions of `scope` (a SELECT of version ids),
    ranked: ts_rank reads the terms of those rows only. (The planner reaches a few versions
    through the index on version_id by itself.)"""
    scope_sql, scope_params = scope
    return (
        f"SELECT w.provision_id AS id, ts_rank(s.tokens, to_tsquery('simple', %s), 1) AS score FROM ("
        f"SELECT provision_id FROM {TABLE} WHERE tokens @@ to_tsquery('simple', %s) "
        f"AND version_id IN ({scope_sql}) ORDER BY provision_id DESC LIMIT %s) w "
        f"JOIN {TABLE} s ON s.provision_id = w.provision_id",
        [expression, expression, *scope_params, window],
    )


def best_of_each(cursor, expressions: dict[int, str], scope, limit: int, window: int) -> list[tuple]:
    """(id, score, key) of each expression's `limit` best among the newest `window` rows that
    match any of them, in one walk of the newest rows.

    One subquery per expression left the planner to guess, for each, between walking the
    newest rows and sorting every match, from word frequencies taken as independent (恐怖 &
    活动: 1,949 rows guessed, 25,440 found, 44 ms); the expressions together match many rows,
    so one walk stops soon. A rare expression may find nothing among those rows. Run it in
    a transaction (SET LOCAL)."""
    scope_sql, scope_params = scope
    keys = list(expressions)
    flags = ", ".join(
        "CASE WHEN tokens @@ to_tsquery('simple', %s) THEN ts_rank(tokens, to_tsquery('simple', %s), 1) END"
        for _key in keys
    )
    flag_params = [value for key in keys for value in (expressions[key], expressions[key])]
    # The terms of a concept go together, so their matches are many more than the planner
    # guesses from independent word frequencies (58,140 found for 3,970 guessed), and it
    # would take the GIN index and sort them all (180 ms): walk the newest rows instead.
    cursor.execute("SET LOCAL enable_bitmapscan = off")
    cursor.execute(
        f"SELECT provision_id, {flags} FROM {TABLE} WHERE tokens @@ to_tsquery('simple', %s) "
        f"AND version_id IN ({scope_sql}) ORDER BY provision_id DESC LIMIT %s",
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
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def _cut(tokens: str) -> str:
    if len(tokens) <= MAX_TOKENS_CHARS:
        return tokens
    return tokens[: tokens.rfind(" ", 0, MAX_TOKENS_CHARS)]
