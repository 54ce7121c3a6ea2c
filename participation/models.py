"""Who joined which instrument, when, and with what reservations (function F2)."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ActionKind(models.TextChoices):
    SIGNATURE = "signature", _("signature")
    RATIFICATION = "ratification", _("ratification")
    ACCESSION = "accession", _("accession")
    ACCEPTANCE = "acceptance", _("acceptance")
    APPROVAL = "approval", _("approval")
    SUCCESSION = "succession", _("succession")
    DENUNCIATION = "denunciation", _("denunciation")


# The acts by which a state consents to be bound and so becomes a party.
CONSENT_KINDS = frozenset(
    {
        ActionKind.RATIFICATION,
        ActionKind.ACCESSION,
        ActionKind.ACCEPTANCE,
        ActionKind.APPROVAL,
        ActionKind.SUCCESSION,
    }
)


class StatusSource(models.Model):
    """A status list as published by a depositary (or gathered elsewhere), as at a date."""

    public_reference = True

    name = models.CharField(_("name"), max_length=500, unique=True)
    citation = models.TextField(_("where it was read"))
    as_at = models.DateField(_("status as at"))
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("status source")
        verbose_name_plural = _("status sources")

    def __str__(self) -> str:
        return f"{self.name} ({self.as_at.isoformat()})"


class TreatyActionQuerySet(models.QuerySet):
    def on_or_before(self, on: datetime.date):
        return self.filter(date__lte=on)

    def consents(self):
        return self.filter(kind__in=CONSENT_KINDS)

    def for_instrument(self, instrument):
        return self.filter(instrument=instrument)

    def newest(self):
        """Latest first, with what a line of the list shows (state, instrument, source)."""
        return (
            self.select_related("state", "instrument", "source")
            .prefetch_related("instrument__titles")
            .order_by("-date", "-id")
        )


class TreatyAction(models.Model):
    """One act of a state towards an instrument, as the depositary records it."""

    public_reference = True

    state = models.ForeignKey(
        "states.State", verbose_name=_("state"), on_delete=models.PROTECT, related_name="treaty_actions"
    )
    instrument = models.ForeignKey(
        "instruments.Instrument",
        verbose_name=_("instrument"),
        on_delete=models.PROTECT,
        related_name="treaty_actions",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ActionKind.choices)
    date = models.DateField(_("date of deposit or action"))
    raw = models.CharField(_("as written in the source"), max_length=300, blank=True)
    source = models.ForeignKey(
        StatusSource, verbose_name=_("source"), on_delete=models.PROTECT, related_name="actions"
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = TreatyActionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["state", "instrument", "kind", "date"], name="one_action_per_day"
            ),
        ]
        indexes = [models.Index(fields=["instrument", "date"]), models.Index(fields=["state", "date"])]
        verbose_name = _("treaty action")
        verbose_name_plural = _("treaty actions")

    def __str__(self) -> str:
        return f"{self.state.iso3} {self.instrument.slug} {self.kind} {self.date.isoformat()}"

    @property
    def is_consent(self) -> bool:
        return self.kind in CONSENT_KINDS


class Statement(models.Model):
    """A reservation or declaration made with a treaty action."""

    public_reference = True

    class Kind(models.TextChoices):
        RESERVATION = "reservation", _("reservation")
        DECLARATION = "declaration", _("declaration")

    action = models.ForeignKey(
        TreatyAction, verbose_name=_("treaty action"), on_delete=models.CASCADE, related_name="statements"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    text = models.TextField(_("text"))
    date = models.DateField(_("date"), null=True, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    source = models.TextField(_("source"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "kind", "date"]
        verbose_name = _("reservation or declaration")
        verbose_name_plural = _("reservations and declarations")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.action}"
