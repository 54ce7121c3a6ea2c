"""The full-text index of provisions (legislation.search).

SQLite: an FTS5 table with the unicode61 tokenizer; PostgreSQL: a table of tsvectors
(`simple` configuration) with a GIN index. Either holds the terms that
legislation.search.tokenize makes of each provision, separated by spaces. The model
SearchIndexEntry (legislation/search/models.py) names the table for Django only.
"""

from django.db import migrations, models

SQLITE = [
    "CREATE VIRTUAL TABLE legislation_search USING fts5("
    "provision_id UNINDEXED, tokens, tokenize = 'unicode61')",
]
POSTGRESQL = [
    "CREATE TABLE legislation_search ("
    "provision_id bigint PRIMARY KEY REFERENCES legislation_provision (id) ON DELETE CASCADE, "
    "tokens tsvector NOT NULL)",
    "CREATE INDEX legislation_search_tokens ON legislation_search USING gin (tokens)",
]


def create_index(apps, schema_editor):
    statements = {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(schema_editor.connection.vendor)
    if statements is None:
        return  # no full-text search on other databases
    for statement in statements:
        schema_editor.execute(statement)
    # The provisions already there are indexed by migration 0003, which completes the table.


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor in ("sqlite", "postgresql"):
        schema_editor.execute("DROP TABLE IF EXISTS legislation_search")


class Migration(migrations.Migration):

    dependencies = [
        ("legislation", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(create_index, drop_index)],
            state_operations=[
                migrations.CreateModel(
                    name="SearchIndexEntry",
                    fields=[
                        ("provision_id", models.BigIntegerField(primary_key=True, serialize=False)),
                        ("tokens", models.TextField()),
                    ],
                    options={
                        "db_table": "legislation_search",
                        "default_permissions": (),
                    },
                ),
            ],
        ),
    ]
