"""Requests for assistance (function F5). Assistance is given only upon request: from a
state, or referred by the Counter-Terrorism Committee."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.access import may_move_request, role_of, state_of
from accounts.models import Role
from ctassist.lifecycle import Lifecycle, Move
from strategy.themes import check_thematic_areas


class Origin(models.TextChoices):
    STATE = "state", _("request of the state")
    CTC_REFERRAL = "ctc-referral", _("referral by the Counter-Terrorism Committee")


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("received")
    ASSESSED = "assessed", _("assessed")
    PLANNED = "planned", _("planned")
    IN_PROGRESS = "in-progress", _("in progress")
    COMPLETED = "completed", _("completed")
    DECLINED = "declined", _("declined")


def record_decline(request, by, reason: str) -> list[str]:
    request.decline_reason = reason
    return ["decline_reason"]


# The lifecycle: received → assessed → planned → in progress → completed, or declined
# (with a reason) at any step before the work starts. Only staff move a request.
_DECLINE = {
    "needs_reason": _("Say why the request is declined."),
    "stamp": record_decline,
}
LIFECYCLE = Lifecycle(
    statuses=RequestStatus,
    moves=(
        Move(RequestStatus.RECEIVED, RequestStatus.ASSESSED),
        Move(RequestStatus.RECEIVED, RequestStatus.DECLINED, **_DECLINE),
        Move(RequestStatus.ASSESSED, RequestStatus.PLANNED),
        Move(RequestStatus.ASSESSED, RequestStatus.DECLINED, **_DECLINE),
        Move(RequestStatus.PLANNED, RequestStatus.IN_PROGRESS),
        Move(RequestStatus.PLANNED, RequestStatus.DECLINED, **_DECLINE),
        Move(RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED),
    ),
    may=may_move_request,
    forbidden=_("Only staff move a request along its lifecycle."),
    cannot_go=_("A request cannot go from %(from)s to %(to)s."),
)


class RequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        role = role_of(user)
        if role == Role.FOCAL_POINT:
            # A focal point sees all its own state's requests, and others' only when public.
            return self.filter(models.Q(state_id=state_of(user)) | models.Q(confidential=False))
        # The public, donors and experts see only what the state agreed to make public.
        return self.filter(confidential=False)


class AssistanceRequest(models.Model):
    """A request for technical assistance, as the state states its needs."""

    # A focal point submits and follows its state's requests; staff move them.
    focal_point_actions = frozenset({"view"})
    lifecycle = LIFECYCLE

    state = models.ForeignKey(
        "states.State",
        verbose_name=_("requesting state"),
        on_delete=models.PROTECT,
        related_name="assistance_requests",
    )
    origin = models.CharField(_("origin"), max_length=16, choices=Origin.choices, default=Origin.STATE)
    received_on = models.DateField(_("received on"))
    needs = models.TextField(_("needs, as the state states them"))
    priorities = models.TextField(_("priorities"), blank=True)
    instruments = models.ManyToManyField(
        "instruments.Instrument",
        verbose_name=_("instruments concerned"),
        blank=True,
        related_name="assistance_requests",
    )
    thematic_areas = models.JSONField(_("thematic areas"), default=list, blank=True)
    confidential = models.BooleanField(_("confidential"), default=True)
    status = models.CharField(
        _("status"), max_length=12, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    demonstration = models.BooleanField(_("demonstration record (generated, not real)"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RequestQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[instruments])

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("request for assistance")
        verbose_name_plural = _("requests for assistance")

    def __str__(self) -> str:
        return f"{self.state.iso3} {self.received_on.isoformat()}"

    @property
    def scope_state_id(self) -> int:
        return self.state_id

    @property
    def public_reference(self) -> bool:
        """A request the state did not mark confidential may be read by anyone."""
        return not self.confidential

    def clean(self):
        check_thematic_areas(self.thematic_areas)
