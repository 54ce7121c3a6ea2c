"""Bilateral and regional treaties on extradition or mutual legal assistance that staff record
between states; the legal-basis finder lists them beside the universal instruments."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class TreatyKind(models.TextChoices):
    EXTRADITION = "extradition", _("extradition")
    MLA = "mla", _("mutual legal assistance")
    BOTH = "both", _("extradition and mutual legal assistance")


class TreatyQuerySet(models.QuerySet):
    def between(self, first, second):
        """Treaties to which both states are parties."""
        return self.filter(parties=first).filter(parties=second).distinct()

    def in_force_on(self, day):
        return self.filter(in_force_on__isnull=False, in_force_on__lte=day)


class BilateralTreaty(models.Model):
    public_reference = True

    title = models.CharField(_("title"), max_length=500)
    kind = models.CharField(_("kind"), max_length=16, choices=TreatyKind.choices)
    parties = models.ManyToManyField("states.State", verbose_name=_("parties"), related_name="+")
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    in_force_on = models.DateField(_("in force on"), null=True, blank=True)
    source = models.TextField(_("source"), help_text=_("Title, publisher, date and address of the text."))
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords(m2m_fields=[parties])
    objects = TreatyQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("bilateral or regional treaty")
        verbose_name_plural = _("bilateral or regional treaties")

    def __str__(self) -> str:
        return self.title
