"""The index table as a model, so that Django knows it.

It is written only with SQL (legislation.search.backends); the model exists for Django's
`flush` (TransactionTestCase, the live server of the browser tests), which empties the
tables of models: on PostgreSQL its TRUNCATE of legislation_provision would fail while
another table references it, and on SQLite the index would keep the terms of deleted
provisions. Migration 0002 creates the table with SQL (an FTS5 table on SQLite, a
tsvector on PostgreSQL) and declares this model without touching the database.
"""

from django.db import models


class SearchIndexEntry(models.Model):
    provision_id = models.BigIntegerField(primary_key=True)
    tokens = models.TextField()

    class Meta:
        app_label = "legislation"
        db_table = "legislation_search"
        default_permissions = ()

    def __str__(self) -> str:
        return f"search index of provision {self.provision_id}"
