"""What the search needs to filter a match without reading the provision: its version.

A search keeps only the provisions of some versions (current or in force on a date, of
published laws, of a state …). Reading `version_id` from `legislation_provision` costs a
lookup into a row that holds the whole text, once per match; here it sits next to the terms.

SQLite: a narrow table `legislation_search_scope` (provision id → version id) that triggers
on `legislation_provision` keep in step with every write, bulk_create and flush included.
PostgreSQL: a column `version_id` of `legislation_search`, written with the terms, and a
trigger that follows a provision moved to another version.
"""

from django.db import migrations

SQLITE = [
    "CREATE TABLE legislation_search_scope ("
    "provision_id integer NOT NULL PRIMARY KEY, version_id integer NOT NULL)",
    "INSERT INTO legislation_search_scope (provision_id, version_id) "
    "SELECT id, version_id FROM legislation_provision",
    # The provision ids of a few versions: a search filtered to them walks only their ranges.
    "CREATE INDEX legislation_search_scope_version ON legislation_search_scope (version_id, provision_id)",
    "CREATE TRIGGER legislation_search_scope_insert AFTER INSERT ON legislation_provision BEGIN "
    "INSERT OR REPLACE INTO legislation_search_scope (provision_id, version_id) "
    "VALUES (new.id, new.version_id); END",
    "CREATE TRIGGER legislation_search_scope_update AFTER UPDATE OF id, version_id ON legislation_provision "
    "BEGIN DELETE FROM legislation_search_scope WHERE provision_id = old.id; "
    "INSERT OR REPLACE INTO legislation_search_scope (provision_id, version_id) "
    "VALUES (new.id, new.version_id); END",
    "CREATE TRIGGER legislation_search_scope_delete AFTER DELETE ON legislation_provision BEGIN "
    "DELETE FROM legislation_search_scope WHERE provision_id = old.id; END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS legislation_search_scope_insert",
    "DROP TRIGGER IF EXISTS legislation_search_scope_update",
    "DROP TRIGGER IF EXISTS legislation_search_scope_delete",
    "DROP TABLE IF EXISTS legislation_search_scope",
]
POSTGRESQL = [
    "ALTER TABLE legislation_search ADD COLUMN version_id bigint",
    "UPDATE legislation_search s SET version_id = p.version_id "
    "FROM legislation_provision p WHERE p.id = s.provision_id",
    "ALTER TABLE legislation_search ALTER COLUMN version_id SET NOT NULL",
    "CREATE INDEX legislation_search_version ON legislation_search (version_id)",
    # The planner chooses between the GIN index (a rare word) and walking the newest rows (a
    # common one) from the frequencies of the terms; the default sample knows only the
    # commonest few hundred, and takes any other word for a common one.
    "ALTER TABLE legislation_search ALTER COLUMN tokens SET STATISTICS 1000",
    # A provision moved to another version without a signal (QuerySet.update) moves in the index.
    "CREATE FUNCTION legislation_search_follow_version() RETURNS trigger AS $$ BEGIN "
    "UPDATE legislation_search SET version_id = NEW.version_id WHERE provision_id = NEW.id; "
    "RETURN NULL; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER legislation_search_follow_version AFTER UPDATE OF version_id ON legislation_provision "
    "FOR EACH ROW WHEN (OLD.version_id IS DISTINCT FROM NEW.version_id) "
    "EXECUTE FUNCTION legislation_search_follow_version()",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS legislation_search_follow_version ON legislation_provision",
    "DROP FUNCTION IF EXISTS legislation_search_follow_version()",
    "DROP INDEX IF EXISTS legislation_search_version",
    "ALTER TABLE legislation_search DROP COLUMN IF EXISTS version_id",
]


def run(statements: dict):
    def operation(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


def index_existing(apps, schema_editor):
    """Index the provisions already there (a database made before the index existed)."""
    if schema_editor.connection.vendor not in ("sqlite", "postgresql"):
        return
    from legislation.search import ROW, index_rows

    Provision = apps.get_model("legislation", "Provision")
    rows = Provision.objects.using(schema_editor.connection.alias).order_by("id").values_list(*ROW)
    index_rows(rows, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("legislation", "0002_search_index"),
    ]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        ),
        migrations.RunPython(index_existing, migrations.RunPython.noop),
    ]
