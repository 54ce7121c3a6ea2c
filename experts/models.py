"""The roster of experts and the advisory groups they form (function F10)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.access import role_of
from accounts.models import Role


class LegalSystem(models.TextChoices):
    COMMON_LAW = "common-law", _("common law")
    CIVIL_LAW = "civil-law", _("civil law")
    ISLAMIC_LAW = "islamic-law", _("Islamic law")
    MIXED = "mixed", _("mixed")


class ExpertQuerySet(models.QuerySet):
    def visible_to(self, user):
        # The roster holds personal data: an expert sees its own entry, others nothing.
        if role_of(user) == Role.EXPERT:
            return self.filter(user=user)
        return self.none()


class Expert(models.Model):
    """An expert on the roster, who can be assigned to activities and reviews."""

    name = models.CharField(_("name"), max_length=200)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="expert",
        help_text=_("The expert's account, needed to assign the expert to a review."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    nationality = models.ForeignKey(
        "states.State",
        verbose_name=_("nationality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    regions = models.ManyToManyField(
        "states.Area", verbose_name=_("regions of experience"), blank=True, related_name="experts"
    )
    legal_systems = models.JSONField(_("legal systems"), default=list, blank=True)
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("Language codes, such as en, fr, ar, zh.")
    )
    instruments = models.ManyToManyField(
        "instruments.Instrument", verbose_name=_("instruments"), blank=True, related_name="experts"
    )
    expertise = models.TextField(_("expertise"), blank=True)
    active = models.BooleanField(_("available"), default=True)
    demonstration = models.BooleanField(_("demonstration record (generated, not real)"), default=False)

    objects = ExpertQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[regions, instruments])

    class Meta:
        ordering = ["name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self) -> str:
        return self.name

    def clean(self):
        unknown = [s for s in self.legal_systems if s not in LegalSystem.values]
        if unknown:
            raise ValidationError(
                {"legal_systems": _("Unknown legal systems: %(systems)s") % {"systems": ", ".join(unknown)}}
            )

    def expert_ids(self) -> set[int]:
        return {self.user_id} if self.user_id else set()


class AdvisoryGroupQuerySet(models.QuerySet):
    def visible_to(self, user):
        if role_of(user) == Role.EXPERT:
            return self.filter(members__user=user).distinct()
        return self.none()


class AdvisoryGroup(models.Model):
    """A standing group of experts for a region and a legal system."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    region = models.ForeignKey(
        "states.Area",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="advisory_groups",
    )
    legal_system = models.CharField(_("legal system"), max_length=16, choices=LegalSystem.choices, blank=True)
    members = models.ManyToManyField(
        Expert, verbose_name=_("members"), blank=True, related_name="advisory_groups"
    )
    demonstration = models.BooleanField(_("demonstration record (generated, not real)"), default=False)

    objects = AdvisoryGroupQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        ordering = ["name"]
        verbose_name = _("advisory group")
        verbose_name_plural = _("advisory groups")

    def __str__(self) -> str:
        return self.name
