"""SQLite: an FTS5 table (unicode61 tokenizer) whose rowid is the provision's id.

    CREATE VIRTUAL TABLE legislation_search USING fts5(provision_id UNINDEXED, tokens,
                                                       tokenize = 'unicode61')

Ranking: bm25(), negated so that a higher score is better. Filters: the version of each
provision is in the narrow table legislation_search_scope (migration 0003).
"""

from legislation.search.backends import chunks

TABLE = "legislation_search"
SCOPE = "legislation_search_scope"  # provision id → version id (migration 0003)
PARAMETERS = 500  # well under SQLite's limit of variables per statement


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


def ranked(groups, scope: tuple[str, list], window: int) -> tuple[str, list]:
    """The newest `window` matches within the versions of `scope` (a SELECT of version ids),
    with their bm25 score: FTS5 walks the matches by descending rowid and stops there."""
    scope_sql, scope_params = scope
    return (
        f"SELECT s.rowid AS id, -bm25({TABLE}) AS score FROM {TABLE} s "
        f"JOIN {SCOPE} v ON v.provision_id = s.rowid "
        f"WHERE {TABLE} MATCH %s AND v.version_id IN ({scope_sql}) ORDER BY s.rowid DESC LIMIT %s",
        [expression(groups), *scope_params, window],
    )


def expression(groups) -> str:
    """An FTS5 query: each term a quoted string, alternatives OR-ed, groups AND-ed."""
    return " AND ".join("(" + " OR ".join(_quote(term) for term in sorted(group)) + ")" for group in groups)


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'
