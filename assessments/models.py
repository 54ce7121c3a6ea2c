"""Legislative review (function F4): each instrument's obligations as a checklist, and the
review of a state's laws against them, finding by finding.

An obligation's description is kept as one row per language with its own source
(thesaurus.models.LanguageText); the concepts it names are those of the thesaurus app."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.access import may_make_review_final, may_move_review, role_of, state_of
from accounts.models import Role
from ctassist.languages import UN_LANGUAGES, InLanguage, data_language
from ctassist.lifecycle import Lifecycle, Move
from thesaurus.models import Concept, LanguageText


class ObligationCategory(models.TextChoices):
    OFFENCE = "offence", _("offence to establish")
    PENALTIES = "penalties", _("penalties")
    JURISDICTION = "jurisdiction", _("jurisdiction")
    EXTRADITE_OR_PROSECUTE = "extradite-or-prosecute", _("extradite or prosecute")
    EXTRADITION = "extradition", _("extradition")
    MUTUAL_LEGAL_ASSISTANCE = "mutual-legal-assistance", _("mutual legal assistance")
    LEGAL_PERSONS = "legal-persons", _("liability of legal persons")
    FREEZING_CONFISCATION = "freezing-confiscation", _("freezing and confiscation")
    PREVENTIVE_MEASURES = "preventive-measures", _("preventive measures")
    OFFENDER_RIGHTS = "offender-rights", _("rights of the alleged offender")
    COOPERATION = "cooperation", _("cooperation and information")


class Obligation(models.Model):
    """One item of an instrument's checklist, written from the treaty text."""

    public_reference = True

    instrument = models.ForeignKey(
        "instruments.Instrument",
        verbose_name=_("instrument"),
        on_delete=models.CASCADE,
        related_name="obligations",
    )
    position = models.PositiveSmallIntegerField(_("position"))
    article = models.CharField(_("article"), max_length=40, blank=True)
    category = models.CharField(_("category"), max_length=32, choices=ObligationCategory.choices)
    concepts = models.ManyToManyField(Concept, verbose_name=_("concepts"), related_name="obligations")
    concept_order = models.JSONField(_("concepts, most specific first"), default=list)
    complete = models.BooleanField(_("written from the treaty text"), default=True)
    # Provenance for staff and the API (the editors' copy of the treaty text and the article).
    source = models.TextField(_("source"), blank=True)
    # Where readers find the treaty text the description summarises; blank where ctassist has none.
    treaty_text = models.URLField(_("address of the treaty text"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["instrument__position", "position"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "position"], name="one_obligation_per_position")
        ]
        verbose_name = _("obligation")
        verbose_name_plural = _("obligations")

    def __str__(self) -> str:
        return f"{self.instrument.slug} {self.article}"

    def text_in(self, language: str) -> str:
        """The description stored for a language, current or not ("" if none)."""
        for text in self.texts.all():
            if text.language == language:
                return text.text
        return ""

    def descriptions(self) -> dict[str, str]:
        """Every language's current description: the English and its up-to-date translations."""
        return {
            language: text
            for language in UN_LANGUAGES
            for text, shown in [self.description(language)]
            if shown == language and text
        }

    def description(self, language: str | None = None) -> InLanguage:
        """ctassist's summary in the language asked for (the reader's by default), or the
        English one where that language has no current translation, with the language it is
        in. A translation of an English text that has since changed no longer counts.
        Prefetch `texts` when listing obligations."""
        texts = {text.language: text for text in self.texts.all()}
        language = data_language(language)
        english = texts.get("en")
        wanted = texts.get(language)
        if wanted and wanted.text and (wanted is english or (english and wanted.is_translation_of(english))):
            return InLanguage(wanted.text, language)
        return InLanguage(english.text if english else "", "en")


class ObligationText(LanguageText):
    """An obligation's description in one language: ctassist's summary of the treaty text
    (English), or ctassist's translation of that summary."""

    public_reference = True

    obligation = models.ForeignKey(
        Obligation, verbose_name=_("obligation"), on_delete=models.CASCADE, related_name="texts"
    )
    text = models.TextField(_("description"))
    # The English summary this text translates, so that a change of the English shows the
    # translation as out of date instead of showing it beside a text it no longer renders.
    translated_from = models.TextField(_("translation of"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["obligation", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["obligation", "language"], name="one_obligation_text_per_language"
            )
        ]
        verbose_name = _("obligation description")
        verbose_name_plural = _("obligation descriptions")

    def __str__(self) -> str:
        return f"{self.obligation} [{self.language}]"

    def is_translation_of(self, english: "ObligationText") -> bool:
        return self.translated_from == english.text


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    IN_REVIEW = "in-review", _("in review")
    FINAL = "final", _("final")


class ReviewQuerySet(models.QuerySet):
    def visible_to(self, user):
        role = role_of(user)
        if role == Role.FOCAL_POINT:
            return self.filter(state_id=state_of(user))
        if role == Role.EXPERT:
            return self.filter(experts=user)
        return self.none()


def stamp_updated(review, by, reason: str) -> list[str]:
    return ["updated"]  # auto_now: saved only when named


# The review workflow: draft ⇄ in review → final → (reopened) draft. Staff and the review's
# experts move it between draft and in review; only staff make it final or reopen it.
LIFECYCLE = Lifecycle(
    statuses=ReviewStatus,
    moves=(
        Move(ReviewStatus.DRAFT, ReviewStatus.IN_REVIEW),
        Move(ReviewStatus.IN_REVIEW, ReviewStatus.DRAFT),
        Move(
            ReviewStatus.IN_REVIEW,
            ReviewStatus.FINAL,
            may=may_make_review_final,
            forbidden=_("Only staff make a review final."),
        ),
        Move(
            ReviewStatus.FINAL,
            ReviewStatus.DRAFT,
            may=may_make_review_final,
            forbidden=_("Only staff reopen a final review."),
        ),
    ),
    may=may_move_review,
    forbidden=_("Only staff and the review's experts move a review."),
    cannot_go=_("A review cannot go from %(from)s to %(to)s."),
    stamp=stamp_updated,
)


class Review(models.Model):
    """A state's laws read against one instrument's obligations."""

    is_confidential = True
    # A focal point reads and comments on its own state's review; it does not edit it.
    focal_point_actions = frozenset({"view", "comment"})
    lifecycle = LIFECYCLE

    state = models.ForeignKey(
        "states.State", verbose_name=_("state"), on_delete=models.PROTECT, related_name="reviews"
    )
    instrument = models.ForeignKey(
        "instruments.Instrument",
        verbose_name=_("instrument"),
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    experts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned experts"),
        blank=True,
        related_name="assigned_reviews",
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = ReviewQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[experts])

    class Meta:
        ordering = ["state__iso3", "instrument__position"]
        constraints = [models.UniqueConstraint(fields=["state", "instrument"], name="one_review_per_pair")]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return f"{self.state.iso3} × {self.instrument.slug}"

    @property
    def scope_state_id(self) -> int:
        return self.state_id

    def expert_ids(self) -> set[int]:
        return set(self.experts.values_list("id", flat=True))

    def coverage(self) -> dict:
        # Keys without dashes, so templates can read them (not_assessed, not_applicable).
        counts = {status.replace("-", "_"): 0 for status in FindingStatus.values}
        for status in self.findings.values_list("status", flat=True):
            counts[status.replace("-", "_")] += 1
        applicable = sum(counts.values()) - counts["not_applicable"]
        counts["applicable"] = applicable
        counts["percent"] = round(100 * counts[FindingStatus.FULLY] / applicable) if applicable else None
        return counts


class FindingStatus(models.TextChoices):
    FULLY = "fully", _("fully implemented")
    PARTLY = "partly", _("partly implemented")
    NOT = "not", _("not implemented")
    NOT_APPLICABLE = "not-applicable", _("not applicable")
    NOT_ASSESSED = "not-assessed", _("not yet assessed")


class Finding(models.Model):
    """The reviewer's judgement of one obligation for one state."""

    review = models.ForeignKey(
        Review, verbose_name=_("review"), on_delete=models.CASCADE, related_name="findings"
    )
    obligation = models.ForeignKey(
        Obligation, verbose_name=_("obligation"), on_delete=models.PROTECT, related_name="findings"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=FindingStatus.choices, default=FindingStatus.NOT_ASSESSED
    )
    provisions = models.ManyToManyField(
        "legislation.Provision",
        verbose_name=_("implementing provisions"),
        blank=True,
        related_name="findings",
    )
    reasoning = models.TextField(_("reasoning"), blank=True)
    recommendation = models.TextField(_("recommendation"), blank=True)
    suggested_wording = models.TextField(_("suggested drafting wording"), blank=True)

    history = HistoricalRecords(m2m_fields=[provisions])

    class Meta:
        ordering = ["review", "obligation__position"]
        constraints = [
            models.UniqueConstraint(fields=["review", "obligation"], name="one_finding_per_obligation")
        ]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self) -> str:
        return f"{self.review} {self.obligation.article}"

    @property
    def scope_state_id(self) -> int:
        return self.review.state_id


class Comment(models.Model):
    """A remark on a review, e.g. by the state's focal point."""

    review = models.ForeignKey(
        Review, verbose_name=_("review"), on_delete=models.CASCADE, related_name="comments"
    )
    finding = models.ForeignKey(
        Finding,
        verbose_name=_("finding"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT)
    text = models.TextField(_("comment"))
    created = models.DateTimeField(_("written"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["created"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return f"{self.author} on {self.review}"
