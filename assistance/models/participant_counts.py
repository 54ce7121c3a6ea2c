"""Who took part in an activity (function F6): counts by state, professional role and gender.

A module of its own, below the activities, so that the totals (assistance/participants.py)
read it and Activity's QuerySet can sum them without a circular import."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ProfessionalRole(models.TextChoices):
    LEGISLATOR = "legislator", _("legislator")
    PROSECUTOR = "prosecutor", _("prosecutor")
    JUDGE = "judge", _("judge")
    POLICE = "police", _("police")
    FINANCIAL_INTELLIGENCE = "financial-intelligence", _("financial intelligence")
    OTHER = "other", _("other")


class Gender(models.TextChoices):
    WOMEN = "women", _("women")
    MEN = "men", _("men")
    NOT_STATED = "not-stated", _("not stated")


class ParticipantCount(models.Model):
    """How many took part in an activity, from one state, in one role, of one gender.

    Counts, not names: the participants' lists stay with the organizers."""

    activity = models.ForeignKey(
        "assistance.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="participant_counts",
    )
    # None: the source gives a number but not the states it came from ("state not recorded").
    state = models.ForeignKey(
        "states.State",
        verbose_name=_("state"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(_("professional role"), max_length=24, choices=ProfessionalRole.choices)
    gender = models.CharField(_("gender"), max_length=12, choices=Gender.choices)
    count = models.PositiveIntegerField(_("number of participants"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["activity", "state__iso3", "role", "gender"]
        verbose_name = _("participant count")
        verbose_name_plural = _("participant counts")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "state", "role", "gender"], name="one_count_per_state_role_gender"
            )
        ]

    def __str__(self) -> str:
        state = self.state.iso3 if self.state_id else "—"
        return f"{self.activity} {state} {self.role} {self.gender}: {self.count}"
