"""Concept, ConceptLabel and Term (and their history) are now the thesaurus app's (thesaurus
0001): Django forgets them here without touching their tables, which keep their names and
data, and the obligations' concepts point at the thesaurus's Concept (the same table)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0002_texts_per_language"),
        ("thesaurus", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="historicalconceptlabel",
                    name="concept",
                ),
                migrations.RemoveField(
                    model_name="term",
                    name="concept",
                ),
                migrations.RemoveField(
                    model_name="historicalterm",
                    name="concept",
                ),
                migrations.RemoveField(
                    model_name="historicalconcept",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicalconceptlabel",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicalterm",
                    name="history_user",
                ),
                migrations.AlterField(
                    model_name="obligation",
                    name="concepts",
                    field=models.ManyToManyField(
                        related_name="obligations", to="thesaurus.concept", verbose_name="concepts"
                    ),
                ),
                migrations.DeleteModel(
                    name="ConceptLabel",
                ),
                migrations.DeleteModel(
                    name="Term",
                ),
                migrations.DeleteModel(
                    name="Concept",
                ),
                migrations.DeleteModel(
                    name="HistoricalConcept",
                ),
                migrations.DeleteModel(
                    name="HistoricalConceptLabel",
                ),
                migrations.DeleteModel(
                    name="HistoricalTerm",
                ),
            ],
            database_operations=[],
        ),
    ]
