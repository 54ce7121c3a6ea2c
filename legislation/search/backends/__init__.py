"""One module per database: how the index is written and matched.

Each module has `delete(cursor, ids)`, `insert(cursor, documents)`, `clear(cursor)`,
`optimize(cursor)` and `match(groups) -> (sql, params)`, a SELECT of `id` and `score`
(higher is better) of every indexed provision that matches.
"""

from types import ModuleType

VENDORS = ("sqlite", "postgresql")


def supported(connection) -> bool:
    return connection.vendor in VENDORS


def for_connection(connection) -> ModuleType:
    if connection.vendor == "sqlite":
        from legislation.search.backends import sqlite

        return sqlite
    if connection.vendor == "postgresql":
        from legislation.search.backends import postgres

        return postgres
    raise NotImplementedError(f"Full-text search has no backend for {connection.vendor}.")


def chunks(items: list, size: int):
    for index in range(0, len(items), size):
        yield items[index : index + size]
