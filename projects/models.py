"""Projects of technical assistance and the donors who fund them (function F6)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.access import role_of
from accounts.models import Role
from strategy.themes import StrategyPillar, check_pillars, check_thematic_areas, pillars_of


class DonorKind(models.TextChoices):
    STATE = "state", _("state")
    ORGANIZATION = "organization", _("international or regional organization")
    OTHER = "other", _("other")


class DonorQuerySet(models.QuerySet):
    def visible_to(self, user):
        if role_of(user) == Role.DONOR:
            return self.filter(representatives=user)
        return self.none()


class Donor(models.Model):
    """A government or organization that funds projects; its representatives are donor users."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=DonorKind.choices)
    state = models.ForeignKey(
        "states.State",
        verbose_name=_("state"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("For a donor that is a state."),
    )
    representatives = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("representatives"),
        blank=True,
        related_name="donors",
        help_text=_("Users with the donor role who see what this donor funds."),
    )
    demonstration = models.BooleanField(_("demonstration record (generated, not real)"), default=False)

    objects = DonorQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[representatives])

    class Meta:
        ordering = ["name"]
        verbose_name = _("donor")
        verbose_name_plural = _("donors")

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.kind == DonorKind.STATE and self.state_id is None:
            raise ValidationError({"state": _("Name the state of a donor that is a state.")})

    def donor_user_ids(self) -> set[int]:
        return set(self.representatives.values_list("id", flat=True))


class ProjectQuerySet(models.QuerySet):
    def visible_to(self, user):
        if role_of(user) == Role.DONOR:
            return self.filter(donors__representatives=user).distinct()
        return self.none()


class Project(models.Model):
    """A funded project: the frame of activities, with a code, a period, a budget and donors."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=300)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    budget = models.DecimalField(_("budget"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="USD", help_text=_("ISO 4217 code"))
    regions = models.ManyToManyField(
        "states.Area", verbose_name=_("regions"), blank=True, related_name="projects"
    )
    donors = models.ManyToManyField(Donor, verbose_name=_("donors"), blank=True, related_name="projects")
    # The Global Counter-Terrorism Strategy (strategy.themes): the pillars staff name, and the
    # thematic areas, whose pillars count too (counted_pillars).
    pillars = models.JSONField(_("pillars of the Strategy"), default=list, blank=True)
    thematic_areas = models.JSONField(_("thematic areas"), default=list, blank=True)
    demonstration = models.BooleanField(_("demonstration record (generated, not real)"), default=False)

    objects = ProjectQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[regions, donors])

    class Meta:
        ordering = ["code"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A project cannot end before it starts.")})
        check_pillars(self.pillars)
        check_thematic_areas(self.thematic_areas)

    def counted_pillars(self) -> list[str]:
        """The pillars the project counts under: those named, and those of its thematic areas
        (ctassist's reading, strategy.themes.PILLARS_OF_AREA), in the Strategy's order."""
        named = set(self.pillars) | set(pillars_of(self.thematic_areas))
        return [pillar for pillar in StrategyPillar.values if pillar in named]

    def donor_user_ids(self) -> set[int]:
        return set(self.donors.values_list("representatives", flat=True)) - {None}
