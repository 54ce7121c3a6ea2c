"""PostgreSQL: the index rows rebuilt as tsvectors of our own terms (backends.postgres.encode),
which queries now match as tsquery literals; rows made by to_tsvector('simple', …) before
could differ for a term that PostgreSQL's parser splits. SQLite is unchanged."""

import importlib

from django.db import migrations

search_scope = importlib.import_module("legislation.migrations.0003_search_scope")


def reindex(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        search_scope.index_existing(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("legislation", "0003_search_scope"),
    ]

    operations = [
        migrations.RunPython(reindex, migrations.RunPython.noop),
    ]
