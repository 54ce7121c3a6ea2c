"""Who a user is in ctassist: a role, and for a focal point the one state it speaks for."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Role(models.TextChoices):
    FOCAL_POINT = "focal-point", _("State focal point")
    DONOR = "donor", _("Donor")
    EXPERT = "expert", _("Expert")
    STAFF = "staff", _("Staff")
    ADMINISTRATOR = "administrator", _("Administrator")


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="profile",
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    state = models.ForeignKey(
        "states.State",
        verbose_name=_("state"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("The state a focal point speaks for; only for focal points."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"

    def save(self, *args, **kwargs):
        self.full_clean()
        # Django's admin admits only is_staff users; the role decides that flag.
        is_staff = self.role in (Role.STAFF, Role.ADMINISTRATOR)
        is_superuser = self.role == Role.ADMINISTRATOR
        if (self.user.is_staff, self.user.is_superuser) != (is_staff, is_superuser):
            self.user.is_staff, self.user.is_superuser = is_staff, is_superuser
            self.user.save(update_fields=["is_staff", "is_superuser"])
        super().save(*args, **kwargs)

    def clean(self):
        if self.role == Role.FOCAL_POINT and self.state_id is None:
            raise ValidationError({"state": _("A focal point must be attached to one state.")})
        if self.role != Role.FOCAL_POINT and self.state_id is not None:
            raise ValidationError({"state": _("Only a focal point is attached to a state.")})
