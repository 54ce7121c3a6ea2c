"""The universal legal instruments against terrorism (function F1)."""

import datetime

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ctassist.languages import UN_LANGUAGES, data_language


class Depositary(models.TextChoices):
    UN_SECRETARY_GENERAL = "un-sg", _("Secretary-General of the United Nations")
    ICAO = "icao", _("International Civil Aviation Organization (ICAO)")
    IMO = "imo", _("International Maritime Organization (IMO)")
    IAEA = "iaea", _("International Atomic Energy Agency (IAEA)")
    GOVERNMENTS = "governments", _("Depositary Governments")


class DelayUnit(models.TextChoices):
    DAYS = "days", _("days after the deposit")
    MONTH_START = "month-start", _("first day of the n-th month after the deposit")


class LaterStateRule(models.TextChoices):
    AFTER_DEPOSIT = "after-deposit", _("the delay counted from the state's own deposit")
    LATER_OF = (
        "later-of",
        _("the general entry into force or the delay after the state's deposit, whichever is later"),
    )


class Relation(models.TextChoices):
    AMENDS = "amends", _("amends")
    SUPPLEMENTS = "supplements", _("supplements")


class InstrumentQuerySet(models.QuerySet):
    def adopted_by(self, on: datetime.date):
        """The instruments that existed (had been adopted) on a date."""
        return self.filter(adoption_date__lte=on)

    def in_force_on(self, on: datetime.date):
        return self.filter(entry_into_force_date__lte=on)

    def with_titles(self):
        return self.prefetch_related("titles")


class Instrument(models.Model):
    """One of the 19 universal legal instruments against terrorism."""

    public_reference = True

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), unique=True)
    short_name = models.CharField(_("short name"), max_length=120)

    adoption_date = models.DateField(_("adopted on"))
    adoption_place = models.CharField(_("adopted at"), max_length=120)
    opened_for_signature = models.DateField(_("opened for signature on"), null=True, blank=True)
    signature_place = models.CharField(_("opened for signature at"), max_length=200, blank=True)
    entry_into_force_date = models.DateField(_("entered into force on"), null=True, blank=True)

    depositary = models.CharField(_("depositary"), max_length=16, choices=Depositary.choices)
    depositary_detail = models.TextField(_("depositary as the source names it"), blank=True)

    eif_clause_general = models.TextField(_("entry-into-force clause"), blank=True)
    eif_clause_later = models.TextField(_("clause for states joining later"), blank=True)
    # The entry-into-force rule as data, from which each state's date is computed.
    eif_threshold = models.PositiveSmallIntegerField(
        _("instruments of consent needed"), null=True, blank=True
    )
    eif_threshold_basis = models.CharField(_("what counts towards the threshold"), max_length=200, blank=True)
    eif_delay = models.PositiveSmallIntegerField(
        _("delay after the deposit that completes the threshold"), null=True, blank=True
    )
    eif_delay_unit = models.CharField(
        _("unit of that delay"), max_length=12, choices=DelayUnit.choices, blank=True
    )
    later_delay = models.PositiveSmallIntegerField(
        _("delay for a state joining later"), null=True, blank=True
    )
    later_delay_unit = models.CharField(
        _("unit of the delay for a state joining later"),
        max_length=12,
        choices=DelayUnit.choices,
        blank=True,
    )
    later_rule = models.CharField(
        _("rule for a state joining later"),
        max_length=16,
        choices=LaterStateRule.choices,
        blank=True,
    )
    eif_special = models.TextField(_("special rule"), blank=True)
    denunciation_delay = models.PositiveSmallIntegerField(
        _("a denunciation takes effect after"), null=True, blank=True
    )
    denunciation_delay_unit = models.CharField(
        _("unit of the denunciation delay"),
        max_length=8,
        choices=[("days", _("days")), ("months", _("months"))],
        blank=True,
    )
    denunciation_clause = models.TextField(_("denunciation clause"), blank=True)

    relates_to = models.ForeignKey(
        "self",
        verbose_name=_("amends or supplements"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="related_instruments",
    )
    relation = models.CharField(_("relation"), max_length=12, choices=Relation.choices, blank=True)

    # Provenance per fact, as the data were gathered (for staff and the API): keys are fact
    # names (adoption, entry_into_force, depositary, ...).
    sources = models.JSONField(_("sources"), default=dict)
    # The same facts cited from the register of sources: "key locator; key locator".
    citations = models.JSONField(_("citations"), default=dict)
    # ctassist's own translations of the places and of the threshold: {field: {language: text}}.
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    objects = InstrumentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["position"]
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")

    def __str__(self) -> str:
        return self.display_title()

    def title_in(self, language: str) -> "InstrumentTitle | None":
        for title in self.titles.all():
            if title.language == language:
                return title
        return None

    def display_title(self, language: str | None = None) -> str:
        """The official title in a language where a source gives it, else the English one."""
        language = language or data_language()
        title = self.title_in(language) or self.title_in("en")
        return title.title if title else self.short_name

    def titles_by_language(self) -> dict[str, "InstrumentTitle | None"]:
        return {language: self.title_in(language) for language in UN_LANGUAGES}

    def translated(self, field: str, language: str | None = None) -> tuple[str, str]:
        """A field's text in `language` where ctassist has translated it, else as recorded
        (English), with the language of the text returned."""
        language = language or data_language()
        text = self.translations.get(field, {}).get(language)
        return (text, language) if text else (getattr(self, field), "en")

    @property
    def depositary_detail_shown(self) -> str:
        """The depositary as the source names it, where that says more than its name."""
        detail = self.depositary_detail.strip()
        with translation.override("en"):
            english = str(Depositary(self.depositary).label) if self.depositary else ""
        return "" if detail.casefold() == english.casefold() else detail

    @property
    def eif_rule_known(self) -> bool:
        return self.later_delay is not None and bool(self.later_delay_unit)

    @property
    def decade(self) -> int:
        return self.adoption_date.year // 10 * 10

    @staticmethod
    def _quoted_language(clause: str) -> str:
        # Clauses found only in another language are stored with a "[de] " style prefix.
        if len(clause) > 4 and clause[0] == "[" and clause[3] == "]":
            return clause[1:3]
        return "en"

    @property
    def eif_clause_general_language(self) -> str:
        return self._quoted_language(self.eif_clause_general)

    @property
    def eif_clause_later_language(self) -> str:
        return self._quoted_language(self.eif_clause_later)


class InstrumentTitle(models.Model):
    """An official title in one UN language, only where a source gives it."""

    public_reference = True

    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrument"), on_delete=models.CASCADE, related_name="titles"
    )
    language = models.CharField(_("language"), max_length=2, choices=[(code, code) for code in UN_LANGUAGES])
    title = models.TextField(_("title"))
    source = models.TextField(_("source"))
    citation = models.TextField(_("citation"), blank=True)
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["instrument__position", "language"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "language"], name="one_title_per_language")
        ]
        verbose_name = _("official title")
        verbose_name_plural = _("official titles")

    def __str__(self) -> str:
        return f"{self.instrument.slug} [{self.language}]"
