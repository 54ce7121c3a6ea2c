"""States that take part in the universal instruments, and the UN M49 areas and
UN regional groups that reports group them by."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ctassist.languages import data_language


class LocalizedNamesMixin:
    """A record whose `names` field maps each UN language code to its UN name.

    A language whose name the sources lack falls back to the English name; templates
    mark that name with `name_language()` so that it keeps its own `lang`."""

    def name(self, language: str | None = None) -> str:
        return self.names.get(self.name_language(language)) or ""

    def name_language(self, language: str | None = None) -> str:
        """The language of the name shown for `language`: itself, or English where it has no name."""
        language = language or data_language()
        return language if self.names.get(language) else "en"

    def __str__(self) -> str:
        return self.name()


class Area(LocalizedNamesMixin, models.Model):
    """A geographic area of the UN M49 standard: region, subregion or intermediate region."""

    public_reference = True

    class Level(models.TextChoices):
        REGION = "region", _("region")
        SUBREGION = "subregion", _("subregion")
        INTERMEDIATE = "intermediate", _("intermediate region")

    code = models.CharField(_("M49 code"), max_length=3, unique=True)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    names = models.JSONField(_("names"), default=dict)
    source = models.TextField(_("source"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("M49 area")
        verbose_name_plural = _("M49 areas")


class RegionalGroup(models.TextChoices):
    """The five regional groups of UN Member States."""

    AFRICAN = "african", _("African Group")
    ASIA_PACIFIC = "asia-pacific", _("Asia-Pacific Group")
    EASTERN_EUROPEAN = "eastern-european", _("Eastern European Group")
    GRULAC = "grulac", _("Latin American and Caribbean Group")
    WEOG = "weog", _("Western European and Others Group")


class StateQuerySet(models.QuerySet):
    def member_states(self):
        return self.filter(status=State.Status.MEMBER)

    def in_area(self, code: str):
        """States in an M49 area at any level (region, subregion or intermediate region)."""
        return self.filter(
            models.Q(region__code=code)
            | models.Q(subregion__code=code)
            | models.Q(intermediate_region__code=code)
        )

    def in_group(self, group: str):
        return self.filter(regional_group=group)

    def with_areas(self):
        return self.select_related("region", "subregion", "intermediate_region")


class State(LocalizedNamesMixin, models.Model):
    """A state that can join the universal instruments in its own name."""

    public_reference = True

    class Status(models.TextChoices):
        MEMBER = "member", _("Member State")
        OBSERVER = "observer", _("Observer State")
        NON_MEMBER = "non-member", _("Non-member State taking part in treaties")

    iso3 = models.CharField(_("ISO 3166-1 alpha-3"), max_length=3, unique=True)
    iso2 = models.CharField(_("ISO 3166-1 alpha-2"), max_length=2, unique=True)
    m49 = models.CharField(_("M49 code"), max_length=3, unique=True)
    names = models.JSONField(_("names"), default=dict, help_text=_("UN short name per UN language"))
    formal_names = models.JSONField(
        _("formal names"), default=dict, blank=True, help_text=_("UN formal name per UN language")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    region = models.ForeignKey(Area, verbose_name=_("region"), on_delete=models.PROTECT, related_name="+")
    subregion = models.ForeignKey(
        Area, verbose_name=_("subregion"), on_delete=models.PROTECT, related_name="+"
    )
    intermediate_region = models.ForeignKey(
        Area,
        verbose_name=_("intermediate region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    regional_group = models.CharField(
        _("UN regional group"), max_length=20, choices=RegionalGroup.choices, blank=True
    )
    regional_group_note = models.TextField(_("note on the regional group"), blank=True)
    un_admission_date = models.DateField(_("date of admission to the UN"), null=True, blank=True)
    un_admission_year = models.PositiveSmallIntegerField(
        _("year of admission to the UN"), null=True, blank=True
    )
    sources = models.JSONField(_("sources"), default=dict)

    objects = StateQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["iso3"]
        verbose_name = _("state")
        verbose_name_plural = _("states")

    def formal_name(self, language: str | None = None) -> str:
        """The UN formal name in `language`, or "" where the sources lack it (no fallback:
        a formal name in another language would read as a translation)."""
        return self.formal_names.get(language or data_language(), "")
