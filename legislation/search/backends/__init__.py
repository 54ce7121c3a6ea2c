"""One module per database: how the index is written and matched.

Each module has `encode(terms)` (a provision's terms as the index stores them),
`delete(cursor, ids)`, `insert(cursor, documents)` (documents are (provision id, version id,
encode(terms)) of provisions not in the index), `clear(cursor)`, `optimize(cursor)`, `expression(groups)`
(a query of the index's own syntax), and two queries over the provisions of some versions
(`scope`: the SQL and parameters of a SELECT of version ids): `ranked(cursor, expression,
scope, window)`, a SELECT of `id` and `score` (higher is better) of the newest `window`
matches, and `best_of_each(cursor, expressions, scope, limit, window)`, the rows
(id, score, key) of the best few matches of each of several expressions, in one statement.
"""

from types import ModuleType

from legislation.search.backends import postgres, sqlite

VENDORS = ("sqlite", "postgresql")


def supported(connection) -> bool:
    return connection.vendor in VENDORS


def for_connection(connection) -> ModuleType:
    if connection.vendor == "sqlite":
        return sqlite
    if connection.vendor == "postgresql":
        return postgres
    raise NotImplementedError(f"Full-text search has no backend for {connection.vendor}.")
