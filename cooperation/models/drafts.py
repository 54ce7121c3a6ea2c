"""Requests for mutual legal assistance and extradition that a user drafts with the request
writer. A draft is private to its author, and to the users of the author's own state where
the author chooses to share it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DraftKind(models.TextChoices):
    MLA = "mla", _("request for mutual legal assistance")
    EXTRADITION = "extradition", _("request for extradition")
    PROVISIONAL_ARREST = "provisional-arrest", _("request for provisional arrest")


def _state_of_user(user):
    profile = getattr(user, "profile", None) if user is not None and user.is_authenticated else None
    return profile.state_id if profile else None


class RequestDraftQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The author's drafts, and those shared with the users of the author's state."""
        if user is None or not user.is_authenticated:
            return self.none()
        mine = models.Q(author=user)
        state_id = _state_of_user(user)
        if state_id is None:
            return self.filter(mine)
        return self.filter(mine | models.Q(shared_with_state_staff=True, author__profile__state_id=state_id))


class RequestDraft(models.Model):
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=24, choices=DraftKind.choices)
    # A UN language as the data name it (ctassist.languages.UN_LANGUAGES: "zh", not "zh-hans").
    language = models.CharField(_("language"), max_length=8, default="en")
    requesting_state = models.ForeignKey(
        "states.State", verbose_name=_("requesting state"), on_delete=models.PROTECT, related_name="+"
    )
    requested_state = models.ForeignKey(
        "states.State", verbose_name=_("requested state"), on_delete=models.PROTECT, related_name="+"
    )
    # One of the codes of cooperation/offences.py.
    offence = models.CharField(_("offence"), max_length=64, blank=True)
    on = models.DateField(_("date"), null=True, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    shared_with_state_staff = models.BooleanField(
        _("shared with the users of my state"),
        default=False,
        help_text=_("Otherwise only you see this draft."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = RequestDraftQuerySet.as_manager()

    class Meta:
        ordering = ["-updated"]
        verbose_name = _("request draft")
        verbose_name_plural = _("request drafts")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.requesting_state} → {self.requested_state}"
