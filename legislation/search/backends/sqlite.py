"""SQLite: an FTS5 table (unicode61 tokenizer) whose rowid is the provision's id.

    CREATE VIRTUAL TABLE legislation_search USING fts5(provision_id UNINDEXED, tokens,
                                                       tokenize = 'unicode61')

Ranking: bm25(), negated so that a higher score is better. Filters: the version of each
provision is in the narrow table legislation_search_scope (migration 0003).
"""

from legislation.search.backends.batches import chunks

TABLE = "legislation_search"
SCOPE = "legislation_search_scope"  # provision id → version id (migration 0003)
RANGE_VERSIONS = 64  # up to this many versions, a search walks their id ranges
# bm25 without its inverse document frequency, which needs every row of every term: the
# occurrences of the query's terms (two marks each in highlight()) against the provision's
# length in characters, with bm25's k1 = 1.2 and b = 0.75 around a typical length of 1,000.
_OCCURRENCES = f"((length(highlight({TABLE}, 1, char(1), char(2))) - length(s.tokens)) / 2.0)"
QUICK_SCORE = f"({_OCCURRENCES} * 2.2 / ({_OCCURRENCES} + 1.2 * (0.25 + 0.75 * length(s.tokens) / 1000.0)))"
PARAMETERS = 500  # well under SQLite's limit of variables per statement


def encode(terms: list[str]) -> str:
    """The terms as stored: separated by spaces, which unicode61 splits on again."""
    return " ".join(terms)


def delete(cursor, ids: list[int]) -> None:
    for part in chunks(ids, PARAMETERS):
        placeholders = ", ".join(["%s"] * len(part))
        cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({placeholders})", part)


def insert(cursor, documents: list[tuple[int, int, str]]) -> None:
    # The version of each provision is in legislation_search_scope, kept by triggers.
    cursor.executemany(
        f"INSERT INTO {TABLE} (rowid, provision_id, tokens) VALUES (%s, %s, %s)",
        [(provision_id, provision_id, tokens) for provision_id, _version_id, tokens in documents],
    )


def clear(cursor) -> None:
    cursor.execute(f"DELETE FROM {TABLE}")


def optimize(cursor) -> None:
    """Merge the index segments after a bulk load (faster queries)."""
    cursor.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")


def ranked(
    cursor,
    expression: str,
    scope: tuple[str, list],
    window: int,
    quick: bool = False,
    ranges=None,
    published_only: bool = False,  # the scope says it already; FTS5 walks the matches only
) -> tuple[str, list]:
    """The newest `window` matches within the versions of `scope` (a SELECT of version ids),
    with their bm25 score: FTS5 walks the matches by descending rowid and stops there.

    A common word filtered to a few versions (one state's laws) would walk most of the
    index to find them; then each version's range of provision ids is walked instead.
    `quick`: bm25 first counts, for every term of the query, the rows that hold it, which a
    dozen common terms at once cannot afford; the quick score is bm25 without that count
    (the same order for a one-word query)."""
    scope_sql, scope_params = scope
    score = QUICK_SCORE if quick else f"-bm25({TABLE})"
    select = (
        f"SELECT s.rowid AS id, {score} AS score FROM {TABLE} s "
        f"JOIN {SCOPE} v ON v.provision_id = s.rowid "
        f"WHERE {TABLE} MATCH %s AND v.version_id IN ({scope_sql})"
    )
    ranges = id_ranges(cursor, scope) if ranges is None else ranges
    if not ranges:
        return f"{select} ORDER BY s.rowid DESC LIMIT %s", [expression, *scope_params, window]
    parts, params = [], []
    for first, last in ranges:
        parts.append(f"SELECT * FROM ({select} AND s.rowid BETWEEN %s AND %s ORDER BY s.rowid DESC LIMIT %s)")
        params += [expression, *scope_params, first, last, window]
    return f"SELECT * FROM ({' UNION ALL '.join(parts)}) ORDER BY id DESC LIMIT %s", [*params, window]


def best_of_each(
    cursor, expressions: dict[int, str], scope, limit: int, window: int, published_only: bool = False
) -> list[tuple]:
    """(id, score, key) of each expression's `limit` best among its newest `window` matches,
    scored quickly (see ranked), in one statement of one subquery per expression."""
    ranges = id_ranges(cursor, scope)
    parts, params = [], []
    for key, expression in expressions.items():
        sql, part_params = ranked(cursor, expression, scope, window=window, quick=True, ranges=ranges)
        parts.append(
            f"SELECT * FROM (SELECT id, score, {int(key)} AS query FROM ({sql}) q{int(key)} "
            f"ORDER BY score DESC, id DESC LIMIT %s) AS best{int(key)}"
        )
        params += [*part_params, limit]
    cursor.execute(" UNION ALL ".join(parts), params)
    return cursor.fetchall()


def id_ranges(cursor, scope) -> list[tuple[int, int]]:
    """The provision id ranges to walk for a scope of a few versions; [] for a larger one
    (walk the whole index). Several queries over one scope reuse it (ranked(ranges=…))."""
    return _ranges(cursor, scope) if _few_versions(cursor, scope) else []


def _few_versions(cursor, scope) -> bool:
    scope_sql, scope_params = scope
    cursor.execute(f"SELECT COUNT(*) FROM ({scope_sql} LIMIT {RANGE_VERSIONS + 1})", scope_params)
    return cursor.fetchone()[0] <= RANGE_VERSIONS


def _ranges(cursor, scope) -> list[tuple[int, int]]:
    """The provision id ranges of the versions, overlapping ones merged."""
    scope_sql, scope_params = scope
    cursor.execute(
        f"SELECT MIN(provision_id), MAX(provision_id) FROM {SCOPE} "
        f"WHERE version_id IN ({scope_sql}) GROUP BY version_id ORDER BY 1",
        scope_params,
    )
    merged: list[list[int]] = []
    for first, last in cursor.fetchall():
        if merged and first <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return [(first, last) for first, last in merged]


def expression(groups) -> str:
    """An FTS5 query: each term a quoted string, alternatives OR-ed, groups AND-ed."""
    return " AND ".join("(" + " OR ".join(_quote(term) for term in sorted(group)) + ")" for group in groups)


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'
