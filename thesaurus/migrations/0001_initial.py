"""The concepts and terms of the thesaurus, first written in the assessments app, move here with
their data and history: the tables keep their names (db_table), so this migration only tells
Django that the models are now the thesaurus's (assessments 0003 forgets them there), and moves
their content types, so that permissions and admin history follow them. Also the edition
(thesaurus.edition), a new table of one row."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MOVED = ["concept", "conceptlabel", "term", "historicalconcept", "historicalconceptlabel", "historicalterm"]


def move_content_types(apps, schema_editor, source="assessments", target="thesaurus"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="thesaurus", target="assessments")


def first_edition(apps, schema_editor):
    apps.get_model("thesaurus", "Edition").objects.get_or_create(pk=1, defaults={"number": 0})


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("assessments", "0002_texts_per_language"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Concept',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.SlugField(max_length=60, unique=True, verbose_name='identifier')),
                    ],
                    options={
                        'verbose_name': 'concept',
                        'verbose_name_plural': 'concepts',
                        'db_table': 'assessments_concept',
                        'ordering': ['code'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalConcept',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('code', models.SlugField(max_length=60, verbose_name='identifier')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'historical concept',
                        'verbose_name_plural': 'historical concepts',
                        'db_table': 'assessments_historicalconcept',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalConceptLabel',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('language', models.CharField(choices=[('ar', 'ar'), ('zh', 'zh'), ('en', 'en'), ('fr', 'fr'), ('ru', 'ru'), ('es', 'es')], max_length=8, verbose_name='language')),
                        ('source_kind', models.CharField(choices=[('ctassist', 'written by ctassist')], default='ctassist', max_length=16, verbose_name='written by')),
                        ('source', models.TextField(blank=True, verbose_name='source')),
                        ('label', models.CharField(max_length=300, verbose_name='name')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('concept', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='thesaurus.concept', verbose_name='concept')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'historical concept name',
                        'verbose_name_plural': 'historical concept names',
                        'db_table': 'assessments_historicalconceptlabel',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalTerm',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('language', models.CharField(max_length=8, verbose_name='language')),
                        ('term', models.CharField(max_length=200, verbose_name='term')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('concept', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='thesaurus.concept', verbose_name='concept')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'historical term',
                        'verbose_name_plural': 'historical terms',
                        'db_table': 'assessments_historicalterm',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='ConceptLabel',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('language', models.CharField(choices=[('ar', 'ar'), ('zh', 'zh'), ('en', 'en'), ('fr', 'fr'), ('ru', 'ru'), ('es', 'es')], max_length=8, verbose_name='language')),
                        ('source_kind', models.CharField(choices=[('ctassist', 'written by ctassist')], default='ctassist', max_length=16, verbose_name='written by')),
                        ('source', models.TextField(blank=True, verbose_name='source')),
                        ('label', models.CharField(max_length=300, verbose_name='name')),
                        ('concept', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='labels', to='thesaurus.concept', verbose_name='concept')),
                    ],
                    options={
                        'verbose_name': 'concept name',
                        'verbose_name_plural': 'concept names',
                        'db_table': 'assessments_conceptlabel',
                        'ordering': ['concept', 'language'],
                        'constraints': [models.UniqueConstraint(fields=('concept', 'language'), name='one_concept_label_per_language')],
                    },
                ),
                migrations.CreateModel(
                    name='Term',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('language', models.CharField(max_length=8, verbose_name='language')),
                        ('term', models.CharField(max_length=200, verbose_name='term')),
                        ('concept', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='terms', to='thesaurus.concept', verbose_name='concept')),
                    ],
                    options={
                        'verbose_name': 'term',
                        'verbose_name_plural': 'terms',
                        'db_table': 'assessments_term',
                        'ordering': ['concept', 'language', 'term'],
                        'constraints': [models.UniqueConstraint(fields=('concept', 'language', 'term'), name='one_term_once')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
        migrations.CreateModel(
            name='Edition',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveBigIntegerField(default=0, verbose_name='edition')),
            ],
            options={
                'verbose_name': 'edition of the thesaurus',
                'verbose_name_plural': 'editions of the thesaurus',
            },
        ),
        migrations.RunPython(first_edition, migrations.RunPython.noop),
    ]
