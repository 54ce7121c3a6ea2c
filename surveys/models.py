"""Questionnaires to Member States (F11): the questions a resolution asks states to answer,
in several languages, and the replies of states, territories and organizations.

Texts written in several languages (a questionnaire's title, a question, a choice's label, a
code's label) are kept as one row per language, as the thesaurus keeps its labels. A reply
is visible to its own state's focal point and to staff until staff publish it; an answer to
a text question may be coded by staff into the question's `Code`s, which the summary counts."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.access import (
    is_staff_member,
    may_manage_questionnaires,
    may_move_reply,
    may_reopen_reply,
    state_of,
)
from ctassist.languages import UN_LANGUAGES, InLanguage, text_in_language
from ctassist.lifecycle import Lifecycle, Move

LANGUAGES = [(code, code) for code in UN_LANGUAGES]


class QuestionnaireStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    OPEN = "open", _("open for replies")
    CLOSED = "closed", _("closed")


class ReplyStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")


class AnswerType(models.TextChoices):
    SINGLE_CHOICE = "single-choice", _("one choice")
    MULTIPLE_CHOICE = "multiple-choice", _("several choices")
    TEXT = "text", _("text")
    NUMBER = "number", _("number")


class RespondentKind(models.TextChoices):
    STATE = "state", _("state")
    TERRITORY = "territory", _("territory")
    ORGANIZATION = "organization", _("organization")


QUESTIONNAIRE_LIFECYCLE = Lifecycle(
    statuses=QuestionnaireStatus,
    moves=(
        Move(QuestionnaireStatus.DRAFT, QuestionnaireStatus.OPEN),
        Move(QuestionnaireStatus.OPEN, QuestionnaireStatus.CLOSED),
        Move(QuestionnaireStatus.CLOSED, QuestionnaireStatus.OPEN),
    ),
    may=lambda user, questionnaire: may_manage_questionnaires(user),
    forbidden=_("Only staff open and close questionnaires."),
    cannot_go=_("A questionnaire that is %(from)s cannot become %(to)s."),
)

REPLY_LIFECYCLE = Lifecycle(
    statuses=ReplyStatus,
    moves=(
        Move(ReplyStatus.DRAFT, ReplyStatus.SUBMITTED),
        Move(
            ReplyStatus.SUBMITTED,
            ReplyStatus.DRAFT,
            may=may_reopen_reply,
            forbidden=_("Only staff return a submitted reply to draft."),
        ),
    ),
    may=may_move_reply,
    forbidden=_("Only staff and the focal point of the reply's state submit a reply."),
    cannot_go=_("A reply that is %(from)s cannot become %(to)s."),
)


class QuestionnaireQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Staff see drafts too; everyone else open and closed questionnaires."""
        if is_staff_member(user):
            return self
        return self.exclude(status=QuestionnaireStatus.DRAFT)


class Questionnaire(models.Model):
    """A questionnaire sent to Member States, usually under a resolution's request."""

    lifecycle = QUESTIONNAIRE_LIFECYCLE

    code = models.SlugField(_("code"), max_length=80, unique=True)
    resolution = models.CharField(_("resolution"), max_length=40, blank=True, help_text=_("e.g. 58/136"))
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    replies_as_at = models.DateField(
        _("replies counted as at"),
        null=True,
        blank=True,
        help_text=_("The date a published count of the replies is as at."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=QuestionnaireStatus.choices, default=QuestionnaireStatus.DRAFT
    )
    source = models.CharField(
        _("source"), max_length=200, blank=True, help_text=_("key of a registered source")
    )
    source_locator = models.CharField(_("where in the source"), max_length=200, blank=True)
    replies_summarized_in = models.CharField(
        _("replies summarized in"),
        max_length=200,
        blank=True,
        help_text=_("Where the source summarizes replies whose content ctassist does not hold."),
    )
    demonstration = models.BooleanField(_("demonstration record (generated, not real)"), default=False)

    objects = QuestionnaireQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-sent_on", "code"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def __str__(self) -> str:
        return self.code

    def title(self, language: str | None = None) -> InLanguage:
        """Prefetch `texts` when listing questionnaires."""
        return (
            text_in_language(self.texts.all(), "title", language) if self.pk else InLanguage(self.code, "en")
        )

    def description(self, language: str | None = None) -> InLanguage:
        return text_in_language(self.texts.all(), "description", language)

    @property
    def is_readable(self) -> bool:
        return self.status != QuestionnaireStatus.DRAFT

    @property
    def is_open(self) -> bool:
        return self.status == QuestionnaireStatus.OPEN


class QuestionnaireText(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name=_("questionnaire"), on_delete=models.CASCADE, related_name="texts"
    )
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["questionnaire", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "language"], name="one_questionnaire_text_per_language"
            )
        ]
        verbose_name = _("questionnaire title and description")
        verbose_name_plural = _("questionnaire titles and descriptions")

    def __str__(self) -> str:
        return f"{self.questionnaire} [{self.language}]"


class Question(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name=_("questionnaire"), on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    answer_type = models.CharField(_("answer type"), max_length=16, choices=AnswerType.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["questionnaire", "position"]
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "position"], name="one_question_per_position")
        ]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return f"{self.questionnaire} {self.position}"

    def text(self, language: str | None = None) -> InLanguage:
        """Prefetch `texts` when listing questions."""
        return text_in_language(self.texts.all(), "text", language)

    @property
    def has_choices(self) -> bool:
        return self.answer_type in (AnswerType.SINGLE_CHOICE, AnswerType.MULTIPLE_CHOICE)


class QuestionText(models.Model):
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="texts"
    )
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES)
    text = models.TextField(_("text"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["question", "language"]
        constraints = [
            models.UniqueConstraint(fields=["question", "language"], name="one_question_text_per_language")
        ]
        verbose_name = _("question text")
        verbose_name_plural = _("question texts")

    def __str__(self) -> str:
        return f"{self.question} [{self.language}]"


class Choice(models.Model):
    """One of the closed answers of a choice question."""

    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="choices"
    )
    code = models.SlugField(_("code"), max_length=60)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["question", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["question", "code"], name="one_choice_per_code")]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self) -> str:
        return self.code

    def label(self, language: str | None = None) -> InLanguage:
        return text_in_language(self.labels.all(), "label", language)


class ChoiceLabel(models.Model):
    choice = models.ForeignKey(
        Choice, verbose_name=_("choice"), on_delete=models.CASCADE, related_name="labels"
    )
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES)
    label = models.CharField(_("label"), max_length=300)

    history = HistoricalRecords()

    class Meta:
        ordering = ["choice", "language"]
        constraints = [
            models.UniqueConstraint(fields=["choice", "language"], name="one_choice_label_per_language")
        ]
        verbose_name = _("choice label")
        verbose_name_plural = _("choice labels")

    def __str__(self) -> str:
        return f"{self.choice} [{self.language}]"


class Code(models.Model):
    """A category staff code a text question's answers into, for the summary."""

    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="codes"
    )
    code = models.SlugField(_("code"), max_length=60)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["question", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["question", "code"], name="one_code_per_question")]
        verbose_name = _("analysis code")
        verbose_name_plural = _("analysis codes")

    def __str__(self) -> str:
        return self.code

    def label(self, language: str | None = None) -> InLanguage:
        return text_in_language(self.labels.all(), "label", language)


class CodeLabel(models.Model):
    code = models.ForeignKey(
        Code, verbose_name=_("analysis code"), on_delete=models.CASCADE, related_name="labels"
    )
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES)
    label = models.CharField(_("label"), max_length=300)

    history = HistoricalRecords()

    class Meta:
        ordering = ["code", "language"]
        constraints = [
            models.UniqueConstraint(fields=["code", "language"], name="one_code_label_per_language")
        ]
        verbose_name = _("analysis code label")
        verbose_name_plural = _("analysis code labels")

    def __str__(self) -> str:
        return f"{self.code} [{self.language}]"


class ReplyQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def submitted(self):
        return self.filter(status=ReplyStatus.SUBMITTED)

    def visible_to(self, user):
        """Staff: every reply; a focal point: its own state's replies and the published ones;
        anyone else: the published ones."""
        if is_staff_member(user):
            return self
        state_id = state_of(user)
        if state_id is not None:
            return self.filter(Q(published=True) | Q(respondent_kind=RespondentKind.STATE, state_id=state_id))
        return self.published()


class Reply(models.Model):
    """A state's, a territory's or an organization's reply to a questionnaire."""

    lifecycle = REPLY_LIFECYCLE

    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name=_("questionnaire"), on_delete=models.CASCADE, related_name="replies"
    )
    respondent_kind = models.CharField(
        _("respondent"), max_length=16, choices=RespondentKind.choices, default=RespondentKind.STATE
    )
    state = models.ForeignKey(
        "states.State",
        verbose_name=_("state"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questionnaire_replies",
        help_text=_("The replying state; for a territory, the state that administers it."),
    )
    respondent_name = models.CharField(
        _("name of the territory or organization"),
        max_length=200,
        blank=True,
        help_text=_("Its United Nations name in English."),
    )
    received_on = models.DateField(_("received on"), null=True, blank=True)
    published = models.BooleanField(_("published"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=ReplyStatus.choices, default=ReplyStatus.DRAFT
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(
        _("source"), max_length=200, blank=True, help_text=_("key of a registered source")
    )
    source_locator = models.CharField(_("where in the source"), max_length=200, blank=True)
    demonstration = models.BooleanField(_("demonstration record (generated, not real)"), default=False)

    objects = ReplyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["questionnaire", "respondent_kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "state"],
                condition=Q(respondent_kind="state"),
                name="one_reply_per_state",
            ),
            models.UniqueConstraint(
                fields=["questionnaire", "respondent_name"],
                condition=~Q(respondent_kind="state"),
                name="one_reply_per_named_respondent",
            ),
        ]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self) -> str:
        return f"{self.questionnaire}: {self.respondent().text}"

    @property
    def scope_state_id(self):
        """A state's own reply is its focal point's to see and change (accounts.access)."""
        return self.state_id if self.respondent_kind == RespondentKind.STATE else None

    def respondent(self, language: str | None = None) -> InLanguage:
        """The state's UN name in the language asked; a territory's or organization's name (English)."""
        if self.respondent_kind == RespondentKind.STATE and self.state_id:
            return InLanguage(self.state.name(language), self.state.name_language(language))
        return InLanguage(self.respondent_name, "en")

    def clean(self):
        if self.respondent_kind == RespondentKind.STATE and self.state_id is None:
            raise ValidationError({"state": _("A state's reply names the state.")})
        if self.respondent_kind != RespondentKind.STATE and not self.respondent_name.strip():
            raise ValidationError(
                {"respondent_name": _("A territory's or organization's reply gives its name.")}
            )

    @property
    def is_submitted(self) -> bool:
        return self.status == ReplyStatus.SUBMITTED


class Answer(models.Model):
    """The answer of one reply to one question."""

    reply = models.ForeignKey(
        Reply, verbose_name=_("reply"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )
    text = models.TextField(_("text"), blank=True)
    number = models.DecimalField(_("number"), max_digits=20, decimal_places=4, null=True, blank=True)
    choices = models.ManyToManyField(Choice, verbose_name=_("choices"), blank=True, related_name="answers")
    codes = models.JSONField(
        _("analysis codes"),
        default=list,
        blank=True,
        help_text=_("The codes staff assigned to a text answer, for the summary."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["reply", "question__position"]
        constraints = [models.UniqueConstraint(fields=["reply", "question"], name="one_answer_per_question")]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return f"{self.reply} / {self.question.position}"

    def clean(self):
        if (
            self.question_id
            and self.reply_id
            and self.question.questionnaire_id != self.reply.questionnaire_id
        ):
            raise ValidationError(_("The question is not one of the reply's questionnaire."))
