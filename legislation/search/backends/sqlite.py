"""SQLite: an FTS5 table (unicode61 tokenizer) whose rowid is the provision's id.

    CREATE VIRTUAL TABLE legislation_search USING fts5(provision_id UNINDEXED, tokens,
                                                       tokenize = 'unicode61')

Ranking: bm25(), negated so that a higher score is better.
"""

from legislation.search.backends import chunks

TABLE = "legislation_search"
PARAMETERS = 500  # well under SQLite's limit of variables per statement


def delete(cursor, ids: list[int]) -> None:
    for part in chunks(ids, PARAMETERS):
        placeholders = ", ".join(["%s"] * len(part))
        cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({placeholders})", part)


def insert(cursor, documents: list[tuple[int, str]]) -> None:
    cursor.executemany(
        f"INSERT INTO {TABLE} (rowid, provision_id, tokens) VALUES (%s, %s, %s)",
        [(provision_id, provision_id, tokens) for provision_id, tokens in documents],
    )


def clear(cursor) -> None:
    cursor.execute(f"DELETE FROM {TABLE}")


def optimize(cursor) -> None:
    """Merge the index segments after a bulk load (faster queries)."""
    cursor.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")


def match(groups) -> tuple[str, list]:
    return (
        f"SELECT rowid AS id, -bm25({TABLE}) AS score FROM {TABLE} WHERE {TABLE} MATCH %s",
        [expression(groups)],
    )


def expression(groups) -> str:
    """An FTS5 query: each term a quoted string, alternatives OR-ed, groups AND-ed."""
    return " AND ".join("(" + " OR ".join(_quote(term) for term in sorted(group)) + ")" for group in groups)


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'
