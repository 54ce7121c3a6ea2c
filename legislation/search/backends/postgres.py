"""PostgreSQL: a table of tsvectors built with the `simple` configuration (no stemming
or stop words of PostgreSQL's own: the terms are already ours), with a GIN index.

    CREATE TABLE legislation_search (
        provision_id bigint PRIMARY KEY REFERENCES legislation_provision ON DELETE CASCADE,
        tokens tsvector NOT NULL)
    CREATE INDEX legislation_search_tokens ON legislation_search USING gin (tokens)

Ranking: ts_rank() with normalization 1 (divided by 1 + the log of the length).
"""

TABLE = "legislation_search"
# A tsvector holds at most 1 MB; terms beyond this (a whole code as one provision) are cut.
MAX_TOKENS_CHARS = 400_000


def delete(cursor, ids: list[int]) -> None:
    if ids:
        cursor.execute(f"DELETE FROM {TABLE} WHERE provision_id = ANY(%s)", [list(ids)])


def insert(cursor, documents: list[tuple[int, str]]) -> None:
    if not documents:
        return
    cursor.execute(
        f"INSERT INTO {TABLE} (provision_id, tokens) "
        "SELECT d.id, to_tsvector('simple', d.tokens) FROM unnest(%s::bigint[], %s::text[]) AS d(id, tokens) "
        "ON CONFLICT (provision_id) DO UPDATE SET tokens = EXCLUDED.tokens",
        [[provision_id for provision_id, _tokens in documents], [_cut(tokens) for _id, tokens in documents]],
    )


def clear(cursor) -> None:
    cursor.execute(f"DELETE FROM {TABLE}")


def optimize(cursor) -> None:
    cursor.execute(f"ANALYZE {TABLE}")


def match(groups) -> tuple[str, list]:
    query = expression(groups)
    return (
        f"SELECT provision_id AS id, ts_rank(tokens, to_tsquery('simple', %s), 1) AS score "
        f"FROM {TABLE} WHERE tokens @@ to_tsquery('simple', %s)",
        [query, query],
    )


def expression(groups) -> str:
    """A tsquery: each term quoted, alternatives with |, groups with &."""
    return " & ".join("(" + " | ".join(_quote(term) for term in sorted(group)) + ")" for group in groups)


def _quote(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def _cut(tokens: str) -> str:
    if len(tokens) <= MAX_TOKENS_CHARS:
        return tokens
    return tokens[: tokens.rfind(" ", 0, MAX_TOKENS_CHARS)]
