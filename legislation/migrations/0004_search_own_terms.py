"""PostgreSQL: the index rows rebuilt as tsvectors of our own terms (backends.postgres.encode),
which queries now match as tsquery literals (rows made by to_tsvector('simple', …) before
could differ for a term that PostgreSQL's parser splits), and a column `published` (the
law's), with an index on the provision ids of the published rows only: a public search
walks that index, and never reads the rows of a large import not yet published, which
before it read one by one (63,000 rows took the API's p95 from 60 to 200 ms). Triggers keep
the column in step when a law is published or withdrawn, a version moves to another law
or a provision to another version, by whatever path (QuerySet.update included). The
search still filters by version, so the column only makes it faster. SQLite is unchanged:
it walks the matching rows only."""

import importlib

from django.db import migrations

search_scope = importlib.import_module("legislation.migrations.0003_search_scope")

LAW_OF_VERSION = "(SELECT l.published FROM legislation_lawversion v JOIN legislation_law l ON l.id = v.law_id WHERE v.id = {})"
POSTGRESQL = [
    "ALTER TABLE legislation_search ADD COLUMN published boolean NOT NULL DEFAULT false",
    "CREATE INDEX legislation_search_published ON legislation_search (provision_id) WHERE published",
    "CREATE OR REPLACE FUNCTION legislation_search_follow_version() RETURNS trigger AS $$ BEGIN "
    "UPDATE legislation_search SET version_id = NEW.version_id, published = "
    + LAW_OF_VERSION.format("NEW.version_id")
    + " WHERE provision_id = NEW.id; RETURN NULL; END $$ LANGUAGE plpgsql",
    "CREATE FUNCTION legislation_search_follow_law() RETURNS trigger AS $$ BEGIN "
    "UPDATE legislation_search SET published = NEW.published WHERE version_id IN "
    "(SELECT id FROM legislation_lawversion WHERE law_id = NEW.id); RETURN NULL; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER legislation_search_follow_law AFTER UPDATE OF published ON legislation_law "
    "FOR EACH ROW WHEN (OLD.published IS DISTINCT FROM NEW.published) "
    "EXECUTE FUNCTION legislation_search_follow_law()",
    "CREATE FUNCTION legislation_search_follow_law_of_version() RETURNS trigger AS $$ BEGIN "
    "UPDATE legislation_search SET published = "
    + LAW_OF_VERSION.format("NEW.id")
    + " WHERE version_id = NEW.id; RETURN NULL; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER legislation_search_follow_law_of_version AFTER UPDATE OF law_id ON legislation_lawversion "
    "FOR EACH ROW WHEN (OLD.law_id IS DISTINCT FROM NEW.law_id) "
    "EXECUTE FUNCTION legislation_search_follow_law_of_version()",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS legislation_search_follow_law_of_version ON legislation_lawversion",
    "DROP FUNCTION IF EXISTS legislation_search_follow_law_of_version()",
    "DROP TRIGGER IF EXISTS legislation_search_follow_law ON legislation_law",
    "DROP FUNCTION IF EXISTS legislation_search_follow_law()",
    "CREATE OR REPLACE FUNCTION legislation_search_follow_version() RETURNS trigger AS $$ BEGIN "
    "UPDATE legislation_search SET version_id = NEW.version_id WHERE provision_id = NEW.id; "
    "RETURN NULL; END $$ LANGUAGE plpgsql",
    "DROP INDEX IF EXISTS legislation_search_published",
    "ALTER TABLE legislation_search DROP COLUMN IF EXISTS published",
]


def reindex(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        search_scope.index_existing(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("legislation", "0003_search_scope"),
    ]

    operations = [
        migrations.RunPython(
            search_scope.run({"postgresql": POSTGRESQL}), search_scope.run({"postgresql": POSTGRESQL_REVERSE})
        ),
        migrations.RunPython(reindex, migrations.RunPython.noop),
    ]
