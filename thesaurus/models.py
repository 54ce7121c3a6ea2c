"""The multilingual thesaurus of counter-terrorism legal concepts: each concept's name and its
terms in each language, which the legislative review and the search across languages both read.

Text written in several languages (a concept's name, an obligation's description) is kept as
one row per language with its own source (`LanguageText`), so that a new language is data,
not a column.

The tables keep the names they had in the assessments app, where these models were first
written (migration thesaurus 0001 moved them without touching the data)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ctassist.languages import UN_LANGUAGES, InLanguage, data_language


class TextSource(models.TextChoices):
    # Only ctassist's own wording so far; an official source (UNTERM, a treaty's authentic
    # text) would be another kind, with its address in `source`.
    CTASSIST = "ctassist", _("written by ctassist")


class LanguageText(models.Model):
    """One language's wording of something, with where that wording comes from."""

    language = models.CharField(_("language"), max_length=8, choices=[(code, code) for code in UN_LANGUAGES])
    source_kind = models.CharField(
        _("written by"), max_length=16, choices=TextSource.choices, default=TextSource.CTASSIST
    )
    source = models.TextField(_("source"), blank=True)

    class Meta:
        abstract = True


class Concept(models.Model):
    """A counter-terrorism legal concept of the thesaurus (financing, hostage-taking …)."""

    public_reference = True

    code = models.SlugField(_("identifier"), max_length=60, unique=True)

    history = HistoricalRecords(table_name="assessments_historicalconcept")

    class Meta:
        db_table = "assessments_concept"
        ordering = ["code"]
        verbose_name = _("concept")
        verbose_name_plural = _("concepts")

    def __str__(self) -> str:
        return self.code

    def label(self, language: str | None = None) -> InLanguage:
        """The concept's name in the language asked for (the reader's by default), else the
        English one, with the language it is in. Prefetch `labels` when listing concepts."""
        labels = {label.language: label.label for label in self.labels.all()}
        language = data_language(language)
        if labels.get(language):
            return InLanguage(labels[language], language)
        # Every concept has an English name (the loader requires it); the code is a last resort.
        return InLanguage(labels.get("en", self.code), "en")


class ConceptLabel(LanguageText):
    """A concept's name in one language, as shown to readers."""

    public_reference = True

    concept = models.ForeignKey(
        Concept, verbose_name=_("concept"), on_delete=models.CASCADE, related_name="labels"
    )
    label = models.CharField(_("name"), max_length=300)

    history = HistoricalRecords(table_name="assessments_historicalconceptlabel")

    class Meta:
        db_table = "assessments_conceptlabel"
        ordering = ["concept", "language"]
        constraints = [
            models.UniqueConstraint(fields=["concept", "language"], name="one_concept_label_per_language")
        ]
        verbose_name = _("concept name")
        verbose_name_plural = _("concept names")

    def __str__(self) -> str:
        return f"{self.label} [{self.language}]"


class Term(models.Model):
    """A word or phrase that expresses a concept in one language."""

    public_reference = True

    concept = models.ForeignKey(
        Concept, verbose_name=_("concept"), on_delete=models.CASCADE, related_name="terms"
    )
    language = models.CharField(_("language"), max_length=8)
    term = models.CharField(_("term"), max_length=200)

    history = HistoricalRecords(table_name="assessments_historicalterm")

    class Meta:
        db_table = "assessments_term"
        ordering = ["concept", "language", "term"]
        constraints = [models.UniqueConstraint(fields=["concept", "language", "term"], name="one_term_once")]
        verbose_name = _("term")
        verbose_name_plural = _("terms")

    def __str__(self) -> str:
        return f"{self.term} [{self.language}]"


class Edition(models.Model):
    """One row: a number raised whenever the thesaurus or the review's checklist changes
    (thesaurus.edition), so that every web process knows when what it prepared from them is
    out of date with one read, instead of asking each table."""

    number = models.PositiveBigIntegerField(_("edition"), default=0)

    class Meta:
        verbose_name = _("edition of the thesaurus")
        verbose_name_plural = _("editions of the thesaurus")

    def __str__(self) -> str:
        return str(self.number)
