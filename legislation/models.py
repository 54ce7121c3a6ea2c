"""National laws, their versions, and their provisions (function F3)."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class LawKind(models.TextChoices):
    CONSTITUTION = "constitution", _("constitution")
    CODE = "code", _("code")
    ACT = "act", _("act")
    DECREE = "decree", _("decree")
    REGULATION = "regulation", _("regulation")
    JUDICIAL_INTERPRETATION = "judicial-interpretation", _("judicial interpretation")


class LawStatus(models.TextChoices):
    IN_FORCE = "in-force", _("in force")
    REPEALED = "repealed", _("repealed")


class LawQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def visible_to(self, user):
        return self.published()

    def in_force_on(self, on: datetime.date):
        return self.filter(models.Q(in_force_on__isnull=True) | models.Q(in_force_on__lte=on)).filter(
            models.Q(repealed_on__isnull=True) | models.Q(repealed_on__gt=on)
        )


class Law(models.Model):
    slug = models.SlugField(_("identifier"), max_length=120, unique=True)
    state = models.ForeignKey(
        "states.State", verbose_name=_("state"), on_delete=models.PROTECT, related_name="laws"
    )
    kind = models.CharField(_("kind"), max_length=24, choices=LawKind.choices)
    title = models.TextField(_("title in the original language"))
    title_translations = models.JSONField(_("translated titles"), default=dict, blank=True)
    number = models.CharField(_("number"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=8)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    in_force_on = models.DateField(_("in force from"), null=True, blank=True)
    last_amended_on = models.DateField(_("last amended on"), null=True, blank=True)
    repealed_on = models.DateField(_("repealed on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=LawStatus.choices, default=LawStatus.IN_FORCE
    )
    source = models.TextField(_("source"))
    licence = models.CharField(_("licence"), max_length=300, blank=True)
    published = models.BooleanField(_("published on the public site"), default=False)
    generated = models.BooleanField(_("generated for benchmarks, not a real law"), default=False)

    objects = LawQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["state__iso3", "title"]
        verbose_name = _("law")
        verbose_name_plural = _("laws")

    def __str__(self) -> str:
        return self.title

    @property
    def public_reference(self) -> bool:
        return self.published

    def current_version(self):
        return self.versions.filter(valid_to__isnull=True).first() or self.versions.last()

    def version_on(self, on: datetime.date):
        dated = self.versions.filter(valid_from__lte=on).order_by("-valid_from").first()
        return dated or self.versions.filter(valid_from__isnull=True).first()


class LawVersion(models.Model):
    """The text of a law from one date until the next version."""

    law = models.ForeignKey(Law, verbose_name=_("law"), on_delete=models.CASCADE, related_name="versions")
    # Null where the source does not date the text (it is then taken as the current text).
    valid_from = models.DateField(_("text as from"), null=True, blank=True)
    valid_to = models.DateField(_("text until"), null=True, blank=True)
    preamble = models.TextField(_("preamble"), blank=True)
    source = models.TextField(_("source of this text"))
    note = models.TextField(_("note"), blank=True)
    checksum = models.CharField(_("checksum of the imported text"), max_length=64, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["law", "valid_from"]
        constraints = [models.UniqueConstraint(fields=["law", "valid_from"], name="one_version_per_date")]
        verbose_name = _("version")
        verbose_name_plural = _("versions")

    def __str__(self) -> str:
        return f"{self.law} ({self.valid_from.isoformat() if self.valid_from else '?'})"

    @property
    def public_reference(self) -> bool:
        return self.law.published


# The units a citation starts from, and the groupings above them that a citation leaves out.
CITED_UNITS = frozenset({"article", "section", "rule", "regulation"})
CONTAINERS = frozenset({"part", "title", "book", "chapter", "subdivision", "division", "schedule"})


class ProvisionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(version__law__published=True)


class Provision(models.Model):
    version = models.ForeignKey(
        LawVersion, verbose_name=_("version"), on_delete=models.CASCADE, related_name="provisions"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    position = models.PositiveIntegerField(_("position in the law"))
    depth = models.PositiveSmallIntegerField(_("depth"), default=0)
    kind = models.CharField(_("kind"), max_length=16)
    number = models.CharField(_("number as written"), max_length=120, blank=True)
    heading = models.TextField(_("heading"), blank=True)
    text = models.TextField(_("text"), blank=True)
    eid = models.CharField(_("permanent identifier"), max_length=300)

    objects = ProvisionQuerySet.as_manager()
    # Imports write provisions in bulk (their version is the record of the import);
    # later edits, in the admin, are kept here.
    history = HistoricalRecords()

    class Meta:
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "eid"], name="one_eid_per_version")]
        indexes = [models.Index(fields=["version", "position"])]
        verbose_name = _("provision")
        verbose_name_plural = _("provisions")

    def __str__(self) -> str:
        return f"{self.full_number} {self.heading}".strip()

    @property
    def full_number(self) -> str:
        """The number a lawyer cites: "83.02(1)", not "(1)"; "第一百二十条 第二款".

        A subdivision's number is read after those of the provisions it belongs to, up to the
        nearest article or section; the chapters and parts above that are not part of a
        citation. Reads `parent` up the tree: select_related it for lists.
        """
        parts = [self.number]
        node = self
        while node.kind not in CITED_UNITS and node.parent_id is not None:
            node = node.parent
            if node.kind in CONTAINERS:
                break
            parts.append(node.number)
        joined = ""
        for part in reversed([part for part in parts if part]):
            joined += part if not joined or part.startswith("(") else f" {part}"
        return joined

    @property
    def public_reference(self) -> bool:
        return self.version.law.published
