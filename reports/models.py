"""The resolutions that ask the Secretary-General to report, and the drafts of those reports.

A draft keeps only what staff write (its prose sections) and what it is about (resolution,
period, language, public or internal). Its figures are computed from the records each time
the draft is shown or printed (reports/figures); `snapshot` keeps the figures as they were
when the draft was last regenerated, with the time, so that a document says which figures
it printed. The snapshot is never read back as the truth."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.access import may_write_reports
from ctassist.languages import UN_LANGUAGES, data_language
from ctassist.lifecycle import Lifecycle, Move


class Body(models.TextChoices):
    GENERAL_ASSEMBLY = "GA", _("General Assembly")
    ECOSOC = "ECOSOC", _("Economic and Social Council")


class Resolution(models.Model):
    """A resolution whose operative paragraph asks the Secretary-General for a report."""

    public_reference = True

    code = models.CharField(_("resolution"), max_length=20, unique=True, help_text=_('e.g. "58/136"'))
    body = models.CharField(_("body"), max_length=8, choices=Body.choices)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    symbol = models.CharField(_("document symbol"), max_length=40, blank=True)
    draft = models.BooleanField(
        _("draft resolution"), default=False, help_text=_("A draft recommended to the General Assembly.")
    )
    reporting_paragraph = models.CharField(
        _("operative paragraph asking for the report"), max_length=10, blank=True
    )
    report_symbol = models.CharField(_("symbol of the report"), max_length=40, blank=True)
    source = models.TextField(_("source"), blank=True, help_text=_("Citation: source key and locator."))

    history = HistoricalRecords()

    class Meta:
        ordering = ["adopted_on", "code"]
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")

    def __str__(self) -> str:
        return self.code

    def title_in(self, language: str):
        """The title in `language`, or None where no source gives it (a gap, never invented)."""
        language = data_language(language)
        titles = getattr(self, "_prefetched_objects_cache", {}).get("titles")
        if titles is None:
            titles = self.titles.all()
        return next((t for t in titles if t.language == language), None)

    def title_or_english(self, language: str) -> tuple[str, str]:
        """(title, the language it is in): the English one where `language` has none."""
        for code in (language, "en", "zh"):
            found = self.title_in(code)
            if found:
                return found.title, found.language
        return "", language


class ResolutionTitle(models.Model):
    public_reference = True

    resolution = models.ForeignKey(
        Resolution, verbose_name=_("resolution"), on_delete=models.CASCADE, related_name="titles"
    )
    language = models.CharField(_("language"), max_length=8, choices=[(code, code) for code in UN_LANGUAGES])
    title = models.TextField(_("title"))
    source = models.TextField(_("source"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["resolution", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["resolution", "language"], name="one_resolution_title_per_language"
            )
        ]
        verbose_name = _("title of a resolution")
        verbose_name_plural = _("titles of resolutions")

    def __str__(self) -> str:
        return f"{self.title} [{self.language}]"


class DraftStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    FINAL = "final", _("final")


def _may_move_report(user, draft) -> bool:
    return may_write_reports(user)


LIFECYCLE = Lifecycle(
    statuses=DraftStatus,
    moves=(Move(DraftStatus.DRAFT, DraftStatus.FINAL), Move(DraftStatus.FINAL, DraftStatus.DRAFT)),
    may=_may_move_report,
    forbidden=_("Only staff change the status of a report."),
    cannot_go=_("A report cannot go from %(from)s to %(to)s."),
)


class ReportDraft(models.Model):
    """A draft of the Secretary-General's report on a resolution for a period (staff only)."""

    lifecycle = LIFECYCLE

    resolution = models.ForeignKey(
        Resolution, verbose_name=_("resolution"), on_delete=models.PROTECT, related_name="drafts"
    )
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    language = models.CharField(
        _("language"), max_length=8, choices=[(code, code) for code in UN_LANGUAGES], default="en"
    )
    internal = models.BooleanField(
        _("internal report"),
        default=False,
        help_text=_("An internal report counts confidential records and is not for publication."),
    )
    demonstration = models.BooleanField(
        _("counts demonstration records"),
        default=False,
        help_text=_("For a demonstration site: count the generated records too (never in a real report)."),
    )
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(
        _("status"), max_length=8, choices=DraftStatus.choices, default=DraftStatus.DRAFT
    )
    snapshot = models.JSONField(_("figures as last generated"), null=True, blank=True, editable=False)
    generated_at = models.DateTimeField(_("figures generated at"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-changed_at"]
        verbose_name = _("draft report")
        verbose_name_plural = _("draft reports")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__lte=models.F("end")), name="report_period_in_order"
            )
        ]

    def __str__(self) -> str:
        return self.title


class ProseSection(models.Model):
    """The text staff write in one section of a draft, around its figures."""

    draft = models.ForeignKey(
        ReportDraft, verbose_name=_("draft"), on_delete=models.CASCADE, related_name="sections"
    )
    key = models.SlugField(_("section"), max_length=40)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    heading = models.CharField(_("heading"), max_length=200)
    text = models.TextField(_("text"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["draft", "position"]
        constraints = [models.UniqueConstraint(fields=["draft", "key"], name="one_prose_section_per_key")]
        verbose_name = _("section of a report")
        verbose_name_plural = _("sections of a report")

    def __str__(self) -> str:
        return f"{self.draft_id} {self.key}"
