"""Outcomes of assistance: ratifications and laws linked to the activities that led to them.

ctassist proposes links (a participating state that deposited an instrument within
24 months after an activity on that instrument); staff confirm or reject them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.access import may_decide_outcome, role_of, state_of
from accounts.models import Role
from ctassist.lifecycle import Lifecycle, Move


class OutcomeKind(models.TextChoices):
    RATIFICATION = "ratification", _("ratification or accession")
    LAW = "law", _("law adopted")


class OutcomeStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    CONFIRMED = "confirmed", _("confirmed")
    REJECTED = "rejected", _("rejected")


def record_decision(outcome, by, reason: str) -> list[str]:
    outcome.decided_by, outcome.decided_on = by, timezone.now()
    return ["decided_by", "decided_on"]


def record_rejection(outcome, by, reason: str) -> list[str]:
    # The model has no field of its own for it: the reason is kept after the explanation.
    outcome.reason = "\n\n".join(
        filter(None, [outcome.reason, _("Rejected: %(reason)s") % {"reason": reason}])
    )
    return ["reason"]


# proposed → confirmed, or rejected with the reason; only staff decide, and a decision is
# final: a rejected link is never proposed again.
LIFECYCLE = Lifecycle(
    statuses=OutcomeStatus,
    moves=(
        Move(OutcomeStatus.PROPOSED, OutcomeStatus.CONFIRMED),
        Move(
            OutcomeStatus.PROPOSED,
            OutcomeStatus.REJECTED,
            needs_reason=_("Say why the proposed outcome is rejected."),
            stamp=record_rejection,
        ),
    ),
    may=may_decide_outcome,
    forbidden=_("Only staff confirm or reject a proposed outcome."),
    cannot_go={
        OutcomeStatus.CONFIRMED: _(
            "This outcome is already %(status)s: only a proposed outcome can be confirmed."
        ),
        OutcomeStatus.REJECTED: _(
            "This outcome is already %(status)s: only a proposed outcome can be rejected."
        ),
        None: _("An outcome cannot go from %(from)s to %(to)s."),
    },
    stamp=record_decision,
)


class OutcomeQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=OutcomeStatus.CONFIRMED)

    def visible_to(self, user):
        if role_of(user) == Role.FOCAL_POINT:
            return self.filter(state_id=state_of(user), status=OutcomeStatus.CONFIRMED)
        return self.none()


class Outcome(models.Model):
    focal_point_actions = frozenset({"view"})
    lifecycle = LIFECYCLE

    # None only for an outcome reported by a source that names no activity behind it (e.g. a
    # state the 2004 report counts as ratifying after drafting assistance, note 2, but not
    # among the states it lists as assisted, note 3): then `source` says where it is reported.
    activity = models.ForeignKey(
        "assistance.Activity",
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="outcomes",
    )
    state = models.ForeignKey(
        "states.State", verbose_name=_("state"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=OutcomeKind.choices)
    treaty_action = models.ForeignKey(
        "participation.TreatyAction",
        verbose_name=_("ratification or accession"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="outcomes",
    )
    law = models.ForeignKey(
        "legislation.Law",
        verbose_name=_("law"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="outcomes",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=OutcomeStatus.choices, default=OutcomeStatus.PROPOSED
    )
    reason = models.TextField(_("why it was proposed"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_on = models.DateTimeField(_("decided on"), null=True, blank=True)
    # An outcome reported by a published document: the source's key in the register, where in
    # it, and the date the source reports it as at (when it names no deposit of its own).
    source = models.CharField(_("source"), max_length=80, blank=True)
    source_locator = models.CharField(_("where in the source"), max_length=200, blank=True)
    reported_on = models.DateField(_("reported as at"), null=True, blank=True)

    objects = OutcomeQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["activity", "state__iso3"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        constraints = [
            models.UniqueConstraint(fields=["activity", "treaty_action"], name="one_outcome_per_action"),
            models.UniqueConstraint(fields=["activity", "law"], name="one_outcome_per_law"),
        ]

    def __str__(self) -> str:
        return f"{self.activity or self.source} → {self.treaty_action or self.law or self.state}"

    @property
    def scope_state_id(self) -> int | None:
        # A state's focal point sees its outcomes once staff have confirmed them, not before.
        return self.state_id if self.status == OutcomeStatus.CONFIRMED else None

    def clean(self):
        if self.activity_id is None and not self.source:
            raise ValidationError(
                {"activity": _("An outcome names its activity, or the source that reports it.")}
            )
        # A source may report that a state ratified without naming the instrument (the 2004
        # report, note 2): the outcome is then recorded as reported, with no treaty action.
        if self.kind == OutcomeKind.RATIFICATION and self.treaty_action_id is None and not self.source:
            raise ValidationError({"treaty_action": _("A ratification outcome names the treaty action.")})
        if self.kind == OutcomeKind.LAW and self.law_id is None:
            raise ValidationError({"law": _("A law outcome names the law.")})
