"""Activities of technical assistance (function F6) and who took part in them (F7)."""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.access import may_move_activity, role_of, state_of
from accounts.models import Role
from assistance import participants
from assistance.models.requests import AssistanceRequest
from ctassist.lifecycle import Lifecycle, Move
from projects.models import Project
from states.models import State
from strategy.themes import check_thematic_areas


class ActivityKind(models.TextChoices):
    LEGISLATIVE_ADVICE = "legislative-advice", _("legislative advice")
    DRAFTING_WORKSHOP = "drafting-workshop", _("drafting workshop")
    NATIONAL_WORKSHOP = "national-workshop", _("national workshop")
    REGIONAL_SEMINAR = "regional-seminar", _("regional seminar")
    SUBREGIONAL_SEMINAR = "subregional-seminar", _("subregional seminar")
    TRAINING_COURSE = "training-course", _("training course")
    MENTORING = "mentoring", _("mentoring")
    EXPERT_MISSION = "expert-mission", _("expert mission")
    ROVING_MISSION = "roving-mission", _("roving mission")
    STUDY_VISIT = "study-visit", _("study visit")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    ONGOING = "ongoing", _("ongoing")
    COMPLETED = "completed", _("completed")
    CANCELLED = "cancelled", _("cancelled")


# planned → ongoing → completed; planned or ongoing → cancelled. Completed and cancelled
# are final: a cancelled activity that is revived is planned again as a new one.
LIFECYCLE = Lifecycle(
    statuses=ActivityStatus,
    moves=(
        Move(ActivityStatus.PLANNED, ActivityStatus.ONGOING),
        Move(ActivityStatus.PLANNED, ActivityStatus.CANCELLED),
        Move(ActivityStatus.ONGOING, ActivityStatus.COMPLETED),
        Move(ActivityStatus.ONGOING, ActivityStatus.CANCELLED),
    ),
    may=may_move_activity,
    forbidden=_("Only staff change the status of an activity."),
    cannot_go=_("An activity cannot go from %(from)s to %(to)s."),
)


class ActivityQuerySet(models.QuerySet):
    def in_month(self, year: int, month: int):
        """Activities planned or ongoing at some time in the month."""
        first = datetime.date(year, month, 1)
        last = datetime.date(year, month, calendar.monthrange(year, month)[1])
        return self.filter(
            starts_on__lte=last,
            ends_on__gte=first,
            status__in=[ActivityStatus.PLANNED, ActivityStatus.ONGOING],
        )

    def filter_by(self, state=None, kind=None, status=None, starts_from=None, ends_by=None, project=None):
        """The activities the list page and the API are asked for; an empty value asks nothing.

        `state` is an ISO3 code (host or participant), `project` a project code; `starts_from`
        and `ends_by` keep the activities that run at some time between the two dates."""
        activities = self
        if state:
            # The state's id first, and a subquery for the participants: no join, no DISTINCT over
            # the whole table (an unknown code finds nothing).
            state_id = State.objects.filter(iso3=state.upper()).values_list("id", flat=True).first()
            if state_id is None:
                return activities.none()
            taking_part = self.model.participating_states.through.objects.filter(state_id=state_id)
            activities = activities.filter(
                models.Q(host_state_id=state_id) | models.Q(id__in=taking_part.values("activity_id"))
            )
        if kind:
            activities = activities.filter(kind=kind)
        if status:
            activities = activities.filter(status=status)
        if starts_from:
            activities = activities.filter(ends_on__gte=starts_from)
        if ends_by:
            activities = activities.filter(starts_on__lte=ends_by)
        if project:
            activities = activities.filter(project_id__in=Project.objects.filter(code=project).values("id"))
        return activities

    def participant_totals(self) -> "participants.ParticipantTotals":
        """Who took part in these activities, by state, role and gender, summed in one query."""
        return participants.for_activities(self)

    def visible_to(self, user):
        role = role_of(user)
        if role == Role.FOCAL_POINT:
            state = state_of(user)
            return self.filter(
                models.Q(host_state_id=state) | models.Q(participating_states=state)
            ).distinct()
        if role == Role.DONOR:
            # A donor sees what it funds: the activities of its projects.
            return self.filter(project__donors__representatives=user).distinct()
        if role == Role.EXPERT:
            return self.filter(experts__user=user).distinct()
        return self.none()


class Activity(models.Model):
    """An activity of technical assistance: advice, workshop, seminar, training, mission …"""

    lifecycle = LIFECYCLE

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=24, choices=ActivityKind.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    host_state = models.ForeignKey(
        "states.State",
        verbose_name=_("host state"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_activities",
    )
    participating_states = models.ManyToManyField(
        "states.State", verbose_name=_("participating states"), blank=True, related_name="activities"
    )
    partners = models.CharField(_("partner organizations"), max_length=500, blank=True)
    instruments = models.ManyToManyField("instruments.Instrument", verbose_name=_("instruments"), blank=True)
    thematic_areas = models.JSONField(_("thematic areas"), default=list, blank=True)
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities",
    )
    experts = models.ManyToManyField(
        "experts.Expert", verbose_name=_("assigned experts"), blank=True, related_name="activities"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    requests = models.ManyToManyField(
        AssistanceRequest, verbose_name=_("requests it answers"), blank=True, related_name="activities"
    )
    # Assistance is given upon request (2004 report §8, §32); a regional or subregional
    # activity may be held without one, e.g. a programme's regional seminar, and says why.
    held_without_request_reason = models.TextField(
        _("reason it is held without a request"),
        blank=True,
        help_text=_("Only for a regional or subregional activity that answers no request."),
    )
    demonstration = models.BooleanField(_("demonstration record (generated, not real)"), default=False)
    # A real activity entered from a published document (e.g. the Secretary-General's 2004
    # report): the key of the source in the register, where in it, and how it was read.
    source = models.CharField(_("source"), max_length=80, blank=True)
    source_locator = models.CharField(_("where in the source"), max_length=200, blank=True)
    source_note = models.TextField(_("how the source was read"), blank=True)

    objects = ActivityQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[participating_states, instruments, requests, experts])

    class Meta:
        ordering = ["starts_on", "title"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("An activity cannot end before it starts.")})
        check_thematic_areas(self.thematic_areas)
        # A form sets `answers` and `involved` from what it was given (the many-to-many
        # fields are saved after the record); a saved record is judged by its own.
        answers = getattr(self, "answers", None)
        involved = getattr(self, "involved", None)
        if answers is None and self.pk:
            answers = list(self.requests.all())
        if involved is None and self.pk:
            involved = list(self.participating_states.all())
        if answers is not None:
            check_answers(self.host_state, involved or [], answers, self.held_without_request_reason)

    def state_ids(self) -> set[int]:
        """Every state involved: the host and the participants. Their focal points may see it."""
        ids = set(self.participating_states.values_list("id", flat=True))
        if self.host_state_id:
            ids.add(self.host_state_id)
        return ids

    def expert_ids(self) -> set[int]:
        """The users of the experts assigned, who may see the activity."""
        return set(self.experts.exclude(user=None).values_list("user_id", flat=True))

    def donor_user_ids(self) -> set[int]:
        return self.project.donor_user_ids() if self.project_id else set()

    def states(self) -> set:
        states = set(self.participating_states.all())
        if self.host_state:
            states.add(self.host_state)
        return states


def check_answers(host, participating, requests, reason: str) -> None:
    """Every activity answers a request: one for a single state answers that state's request
    or a Committee referral about it; a regional or subregional one names the requests it
    answers or the reason it is held without one."""
    states = {state.id: state for state in participating}
    if host is not None:
        states[host.id] = host
    if len(states) > 1:
        if not requests and not reason.strip():
            raise ValidationError(
                {
                    "held_without_request_reason": _(
                        "A regional or subregional activity names the requests it answers, or the "
                        "reason it is held without one (for example, a programme's regional seminar)."
                    )
                }
            )
        return
    if not requests:
        raise ValidationError(
            {
                "requests": _(
                    "An activity for one state answers that state's request or a referral by the "
                    "Counter-Terrorism Committee: name the request it answers."
                )
            }
        )
    if states and not any(request.state_id in states for request in requests):
        (state,) = states.values()
        raise ValidationError(
            {
                "requests": _(
                    "The requests named are not from %(state)s: an activity for one state answers "
                    "that state's own request or a Committee referral concerning it."
                )
                % {"state": state.name()}
            }
        )
