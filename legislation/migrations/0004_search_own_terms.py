"""PostgreSQL: the index rows rebuilt as tsvectors of our own terms (backends.postgres.encode),
which queries now match as tsquery literals; rows made by to_tsvector('simple', …) before
could differ for a term that PostgreSQL's parser splits. SQLite is unchanged."""

from django.db import migrations


def reindex(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from legislation.search import ROW, index_rows

    Provision = apps.get_model("legislation", "Provision")
    rows = Provision.objects.using(schema_editor.connection.alias).order_by("id").values_list(*ROW)
    index_rows(rows, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("legislation", "0003_search_scope"),
    ]

    operations = [
        migrations.RunPython(reindex, migrations.RunPython.noop),
    ]
