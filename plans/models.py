"""National action plans and legislative drafting committees of a state, with their steps."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from accounts.access import may_move_plan, role_of, state_of
from accounts.models import Role
from ctassist.lifecycle import Lifecycle, Move


class PlanKind(models.TextChoices):
    ACTION_PLAN = "action-plan", _("national action plan")
    DRAFTING_COMMITTEE = "drafting-committee", _("legislative drafting committee")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    # Not the law's "adopted" (its date of adoption): here it is where the plan stands.
    ADOPTED = "adopted", pgettext_lazy("status of a plan", "adopted")
    UNDER_WAY = "under-way", _("under way")
    COMPLETED = "completed", _("completed")
    ABANDONED = "abandoned", _("abandoned")


# draft → adopted → under way → completed, as a drafting committee or a plan's coordinators
# record them; abandoned at any step before completion, and taken up again as a draft. A
# completed plan is final: its follow-up is a new plan.
LIFECYCLE = Lifecycle(
    statuses=PlanStatus,
    moves=(
        Move(PlanStatus.DRAFT, PlanStatus.ADOPTED),
        Move(PlanStatus.DRAFT, PlanStatus.ABANDONED),
        Move(PlanStatus.ADOPTED, PlanStatus.UNDER_WAY),
        Move(PlanStatus.ADOPTED, PlanStatus.ABANDONED),
        Move(PlanStatus.UNDER_WAY, PlanStatus.COMPLETED),
        Move(PlanStatus.UNDER_WAY, PlanStatus.ABANDONED),
        Move(PlanStatus.ABANDONED, PlanStatus.DRAFT),
    ),
    may=may_move_plan,
    forbidden=_("Only staff and the focal point of the plan's state change its status."),
    cannot_go=_("A plan cannot go from %(from)s to %(to)s."),
)


class PlanQuerySet(models.QuerySet):
    def visible_to(self, user):
        if role_of(user) == Role.FOCAL_POINT:
            return self.filter(state_id=state_of(user))
        return self.none()


class Plan(models.Model):
    """A state's national action plan, or its legislative drafting committee and work plan."""

    # The state's own working document: its focal point reads and updates it; staff too.
    focal_point_actions = frozenset({"view", "change"})
    lifecycle = LIFECYCLE

    state = models.ForeignKey(
        "states.State", verbose_name=_("state"), on_delete=models.PROTECT, related_name="plans"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PlanKind.choices)
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(
        _("status"), max_length=12, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    established_on = models.DateField(_("established or adopted on"), null=True, blank=True)
    members = models.TextField(
        _("members"), blank=True, help_text=_("For a drafting committee: its members' institutions.")
    )
    instruments = models.ManyToManyField(
        "instruments.Instrument", verbose_name=_("instruments concerned"), blank=True, related_name="+"
    )
    requests = models.ManyToManyField(
        "assistance.AssistanceRequest", verbose_name=_("requests"), blank=True, related_name="plans"
    )
    notes = models.TextField(_("notes"), blank=True)
    demonstration = models.BooleanField(_("demonstration record (generated, not real)"), default=False)

    objects = PlanQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[instruments, requests])

    class Meta:
        ordering = ["state__iso3", "kind", "title"]
        verbose_name = _("plan or committee")
        verbose_name_plural = _("action plans and drafting committees")

    def __str__(self) -> str:
        return f"{self.state.iso3} {self.title}"

    @property
    def scope_state_id(self) -> int:
        return self.state_id


class Step(models.Model):
    """A step of a plan or of a committee's work, with its dates."""

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("step"), max_length=300)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position", "due_on"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self) -> str:
        return self.title

    @property
    def scope_state_id(self) -> int:
        return self.plan.state_id

    def clean(self):
        if (
            self.done_on
            and self.plan_id
            and self.plan.established_on
            and self.done_on < self.plan.established_on
        ):
            raise ValidationError({"done_on": _("A step cannot be done before its plan was established.")})
