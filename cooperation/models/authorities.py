"""The directory of competent national authorities: for each state, who receives requests for
mutual legal assistance, extradition and transfer of proceedings, its financial intelligence
unit and its counter-terrorism focal point (ECOSOC resolution 2017/17, op. 3).

Public fields are for everyone; the direct telephone and e-mail, and requirements a state marks
restricted, are for signed-in practitioners only (accounts.access.may_see_restricted_contacts).
No entry is shipped: a state's focal point or staff record them; demo-data makes labelled ones."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ctassist.languages import data_language

# An entry nobody has confirmed for this long may be out of date (issue 14).
STALE_AFTER_MONTHS = 12


class AuthorityKind(models.TextChoices):
    MLA_CENTRAL_AUTHORITY = "mla-central-authority", _("central authority for mutual legal assistance")
    EXTRADITION_AUTHORITY = "extradition-authority", _("authority for extradition")
    TRANSFER_OF_PROCEEDINGS = "transfer-of-proceedings", _("authority for transfer of proceedings")
    FINANCIAL_INTELLIGENCE_UNIT = "financial-intelligence-unit", _("financial intelligence unit")
    COUNTER_TERRORISM_FOCAL_POINT = "counter-terrorism-focal-point", _("counter-terrorism focal point")


class Channel(models.TextChoices):
    DIPLOMATIC = "diplomatic", _("diplomatic channel")
    DIRECT = "direct", _("direct transmission between authorities")
    INTERPOL = "interpol", _("INTERPOL")
    URGENT = "urgent", _("urgent requests")


class ConventionAsLegalBasis(models.TextChoices):
    YES = "yes", _("yes")
    NO = "no", _("no")
    UNKNOWN = "unknown", _("not stated")


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` earlier (the last day of the month where that day does not exist)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month + 1, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


class AuthorityQuerySet(models.QuerySet):
    def of_state(self, state):
        return self.filter(state=state)

    def of_kind(self, kind: str):
        return self.filter(kind=kind)

    def stale(self, on: datetime.date):
        """Entries not confirmed in the 12 months before `on` (or never confirmed)."""
        limit = months_before(on, STALE_AFTER_MONTHS)
        return self.filter(models.Q(last_confirmed__isnull=True) | models.Q(last_confirmed__lte=limit))

    def visible_to(self, user):
        # The directory is public; restricted fields are withheld field by field, not by row.
        return self


class Authority(models.Model):
    """A competent national authority of one state, as the state (or staff) recorded it."""

    # Anyone may read an entry; a focal point changes its own state's entries (scope_state_id).
    public_reference = True

    state = models.ForeignKey(
        "states.State", verbose_name=_("state"), on_delete=models.PROTECT, related_name="authorities"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=AuthorityKind.choices)
    names = models.JSONField(
        _("names"),
        default=dict,
        help_text=_("The authority's name in each language the state gives, by language code."),
    )
    address = models.TextField(_("address"), blank=True)
    public_telephone = models.CharField(_("telephone"), max_length=64, blank=True)
    public_email = models.EmailField(_("e-mail"), blank=True)
    # Restricted: shown to signed-in practitioners only.
    direct_telephone = models.CharField(_("direct telephone (restricted)"), max_length=64, blank=True)
    direct_email = models.EmailField(_("direct e-mail (restricted)"), blank=True)
    languages_accepted = models.JSONField(
        _("languages in which requests are accepted"),
        default=list,
        blank=True,
        help_text=_("Language codes, e.g. en, fr, ar."),
    )
    channels = models.JSONField(_("channels"), default=list, blank=True)
    requirements = models.TextField(_("legal and procedural requirements"), blank=True)
    requirements_restricted = models.BooleanField(
        _("requirements restricted to signed-in practitioners"), default=False
    )
    convention_as_legal_basis = models.CharField(
        _("accepts a convention as the legal basis"),
        max_length=8,
        choices=ConventionAsLegalBasis.choices,
        default=ConventionAsLegalBasis.UNKNOWN,
    )
    time_limits = models.TextField(_("time limits"), blank=True)
    last_confirmed = models.DateField(_("last confirmed"), null=True, blank=True)
    source = models.TextField(_("source"), help_text=_("Who supplied this entry, and when."))
    demonstration = models.BooleanField(
        _("demonstration record (generated by demo-data, not a real authority)"), default=False
    )

    history = HistoricalRecords()
    objects = AuthorityQuerySet.as_manager()

    class Meta:
        ordering = ["state__iso3", "kind", "id"]
        verbose_name = _("competent authority")
        verbose_name_plural = _("competent authorities")

    def __str__(self) -> str:
        return self.name()

    @property
    def scope_state_id(self):
        return self.state_id

    def name(self, language: str | None = None) -> str:
        return self.names.get(self.name_language(language)) or ""

    def name_language(self, language: str | None = None) -> str:
        """The language of the name shown: the one asked, else English, else the state's first."""
        language = language or data_language()
        for candidate in (language, "en", *self.names):
            if self.names.get(candidate):
                return candidate
        return language

    def is_stale(self, on: datetime.date) -> bool:
        return self.last_confirmed is None or self.last_confirmed <= months_before(on, STALE_AFTER_MONTHS)

    def channel_labels(self) -> list[str]:
        labels = dict(Channel.choices)
        return [labels.get(channel, channel) for channel in self.channels]

    def clean(self):
        if not isinstance(self.names, dict) or not any(str(name).strip() for name in self.names.values()):
            # Not tied to the field: forms ask for the names in fields of their own.
            raise ValidationError(_("Give the authority's name in at least one language."))
        if not isinstance(self.channels, list) or not isinstance(self.languages_accepted, list):
            raise ValidationError(_("Channels and languages must be lists."))
        unknown = [channel for channel in self.channels if channel not in Channel.values]
        if unknown:
            raise ValidationError(
                _("Unknown channel: %(channels)s.") % {"channels": ", ".join(map(str, unknown))}
            )
