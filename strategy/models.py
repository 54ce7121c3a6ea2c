"""The United Nations entities that carry out the Global Counter-Terrorism Strategy (the
Counter-Terrorism Implementation Task Force, since 2018 the Global Counter-Terrorism
Coordination Compact) and their counter-terrorism projects, whose summary table by pillar,
region and status resolution 68/276 (op. 4) welcomes."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.access import is_staff_member
from ctassist.languages import UN_LANGUAGES, InLanguage, data_language
from ctassist.lifecycle import Lifecycle, Move
from strategy.themes import StrategyPillar, check_pillars, check_thematic_areas, pillars_of


class UNEntity(models.Model):
    """A United Nations entity (or a partner organization) of the Task Force or the Compact."""

    public_reference = True

    code = models.SlugField(_("identifier"), max_length=40, unique=True)
    acronym = models.CharField(_("acronym (English)"), max_length=20, blank=True)
    source = models.TextField(_("source"), help_text=_("Citation: source key and locator."))

    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("United Nations entity")
        verbose_name_plural = _("United Nations entities")

    def __str__(self) -> str:
        return self.acronym or self.code

    def _names(self) -> dict:
        # Prefetch `names` when listing entities.
        return {row.language: row for row in self.names.all()}

    def name(self, language: str | None = None) -> InLanguage:
        """The entity's name in the language asked for (the reader's by default), else the
        English one, with the language it is in: a missing translation is never invented."""
        names = self._names()
        language = data_language(language)
        if language in names:
            return InLanguage(names[language].name, language)
        if "en" in names:
            return InLanguage(names["en"].name, "en")
        return InLanguage(self.acronym or self.code, "en")

    def short_name(self, language: str | None = None) -> InLanguage:
        """The acronym or short form in that language where the source gives one."""
        names = self._names()
        language = data_language(language)
        if language in names and names[language].short_name:
            return InLanguage(names[language].short_name, language)
        return InLanguage(self.acronym or self.code, "en")

    def missing_languages(self) -> list[str]:
        names = self._names()
        return [language for language in UN_LANGUAGES if language not in names]


class EntityName(models.Model):
    """An entity's name in one language, with the source that gives it."""

    public_reference = True

    entity = models.ForeignKey(
        UNEntity, verbose_name=_("entity"), on_delete=models.CASCADE, related_name="names"
    )
    language = models.CharField(_("language"), max_length=8, choices=[(code, code) for code in UN_LANGUAGES])
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    source = models.TextField(_("source"), help_text=_("Citation: source key and locator."))

    history = HistoricalRecords()

    class Meta:
        ordering = ["entity", "language"]
        constraints = [
            models.UniqueConstraint(fields=["entity", "language"], name="one_entity_name_per_language")
        ]
        verbose_name = _("entity name")
        verbose_name_plural = _("entity names")

    def __str__(self) -> str:
        return f"{self.name} [{self.language}]"


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    ONGOING = "ongoing", _("ongoing")
    COMPLETED = "completed", _("completed")


def _staff_move(user, project) -> bool:
    return is_staff_member(user)


ENTITY_PROJECT_LIFECYCLE = Lifecycle(
    statuses=ProjectStatus,
    moves=(
        Move(ProjectStatus.PLANNED, ProjectStatus.ONGOING),
        Move(ProjectStatus.ONGOING, ProjectStatus.COMPLETED),
    ),
    may=_staff_move,
    forbidden=_("Only staff change the status of an entity's project."),
    cannot_go=_("A project that is %(from)s cannot become %(to)s."),
)

NO_REGION = ""  # the summary's row for projects with neither region nor state (global ones)


@dataclass
class Summary:
    """Projects counted by pillar × region × status (68/276 op. 4). A project counts once in
    each pillar it counts under and each region it works in, so rows do not add up to the
    number of projects; `projects` is that number."""

    regions: list = field(default_factory=list)  # Area records, then None for "no region"
    counts: dict = field(default_factory=dict)  # (pillar, region code or "", status) -> n
    projects: int = 0

    def count(self, pillar: str, region: str, status: str) -> int:
        return self.counts.get((pillar, region, status), 0)

    def rows(self) -> list[dict]:
        """One row per pillar and region that has a project: its counts per status and total."""
        found = []
        for pillar in StrategyPillar:
            for area in self.regions:
                code = area.code if area is not None else NO_REGION
                by_status = {status: self.count(pillar, code, status) for status in ProjectStatus.values}
                total = sum(by_status.values())
                if total:
                    found.append({"pillar": pillar, "region": area, "by_status": by_status, "total": total})
        return found


class EntityProjectQuerySet(models.QuerySet):
    def filtered(self, pillar: str = "", region: str = "", status: str = "", entity: str = ""):
        """Projects of an entity (its code), a status, a region (M49 code: the project's own
        regions and those of its states); a pillar is checked in Python (JSON lists)."""
        projects = self
        if entity:
            projects = projects.filter(entity__code=entity)
        if status:
            projects = projects.filter(status=status)
        if region:
            projects = projects.filter(
                models.Q(regions__code=region)
                | models.Q(states__region__code=region)
                | models.Q(states__subregion__code=region)
            ).distinct()
        if pillar:
            ids = [project.id for project in projects if pillar in project.counted_pillars()]
            projects = self.filter(id__in=ids)
        return projects

    def for_listing(self):
        return self.select_related("entity").prefetch_related("entity__names", "regions", "states__region")

    def summary(self) -> Summary:
        """The summary table: projects by pillar, region and status."""
        summary = Summary()
        counts = defaultdict(int)
        seen_regions = {}
        has_no_region = False
        for project in self.prefetch_related("regions", "states__region"):
            summary.projects += 1
            regions = project.region_areas()
            for area in regions:
                seen_regions[area.code] = area
            codes = [area.code for area in regions] or [NO_REGION]
            has_no_region = has_no_region or not regions
            for pillar in project.counted_pillars():
                for code in codes:
                    counts[(pillar, code, project.status)] += 1
        summary.counts = dict(counts)
        summary.regions = [seen_regions[code] for code in sorted(seen_regions)]
        if has_no_region:
            summary.regions.append(None)
        return summary


class EntityProject(models.Model):
    """A counter-terrorism project of a United Nations entity."""

    public_reference = True
    lifecycle = ENTITY_PROJECT_LIFECYCLE

    entity = models.ForeignKey(
        UNEntity, verbose_name=_("entity"), on_delete=models.PROTECT, related_name="projects"
    )
    title = models.CharField(_("title"), max_length=300)
    pillars = models.JSONField(_("pillars of the Strategy"), default=list, blank=True)
    thematic_areas = models.JSONField(_("thematic areas"), default=list, blank=True)
    regions = models.ManyToManyField(
        "states.Area", verbose_name=_("regions"), blank=True, related_name="entity_projects"
    )
    states = models.ManyToManyField(
        "states.State", verbose_name=_("states"), blank=True, related_name="entity_projects"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    budget = models.DecimalField(_("budget"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="USD", help_text=_("ISO 4217 code"))
    source = models.TextField(_("source"), blank=True, help_text=_("Citation: source key and locator."))
    demonstration = models.BooleanField(_("demonstration record (generated, not real)"), default=False)

    objects = EntityProjectQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[regions, states])

    class Meta:
        ordering = ["entity", "title"]
        verbose_name = _("entity's counter-terrorism project")
        verbose_name_plural = _("entities' counter-terrorism projects")

    def __str__(self) -> str:
        return f"{self.entity}: {self.title}"

    def clean(self):
        check_pillars(self.pillars)
        check_thematic_areas(self.thematic_areas)
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A project cannot end before it starts.")})

    def counted_pillars(self) -> list[str]:
        """The pillars named, and those of its thematic areas (ctassist's reading)."""
        named = set(self.pillars) | set(pillars_of(self.thematic_areas))
        return [pillar for pillar in StrategyPillar.values if pillar in named]

    def region_areas(self) -> list:
        """The M49 regions the project works in: its own, and the regions of its states."""
        areas = {area.code: area for area in self.regions.all()}
        for state in self.states.all():
            areas.setdefault(state.region.code, state.region)
        return [areas[code] for code in sorted(areas)]
