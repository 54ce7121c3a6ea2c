"""Staff write questionnaires here: a questionnaire with its titles and its questions, then
each question with its texts, choices and analysis codes, then each choice's and code's
labels per language (Django's admin does not nest inlines deeper than one level)."""

from django.contrib import admin

from accounts.access import may_manage_questionnaires
from accounts.admin import AccessPolicyAdmin
from ctassist.lifecycle import StatusReadOnlyOnceCreated
from surveys.models import (
    Answer,
    Choice,
    ChoiceLabel,
    Code,
    CodeLabel,
    Question,
    Questionnaire,
    QuestionnaireText,
    QuestionText,
    Reply,
)


class StaffInline:
    """Inlines follow the one access policy: staff keep questionnaires."""

    def has_view_permission(self, request, obj=None):
        return may_manage_questionnaires(request.user)

    has_change_permission = has_delete_permission = has_view_permission

    def has_add_permission(self, request, obj=None):
        return may_manage_questionnaires(request.user)


class QuestionnaireTextInline(StaffInline, admin.StackedInline):
    model = QuestionnaireText
    extra = 0


class QuestionInline(StaffInline, admin.TabularInline):
    model = Question
    extra = 0
    show_change_link = True
    fields = ["position", "answer_type"]


@admin.register(Questionnaire)
class QuestionnaireAdmin(StatusReadOnlyOnceCreated, AccessPolicyAdmin):
    list_display = ["code", "resolution", "sent_on", "replies_as_at", "status", "demonstration"]
    list_filter = ["status", "demonstration"]
    search_fields = ["code", "resolution", "texts__title"]
    inlines = [QuestionnaireTextInline, QuestionInline]


class QuestionTextInline(StaffInline, admin.StackedInline):
    model = QuestionText
    extra = 0


class ChoiceInline(StaffInline, admin.TabularInline):
    model = Choice
    extra = 0
    show_change_link = True


class CodeInline(StaffInline, admin.TabularInline):
    model = Code
    extra = 0
    show_change_link = True


@admin.register(Question)
class QuestionAdmin(AccessPolicyAdmin):
    list_display = ["questionnaire", "position", "answer_type"]
    list_filter = ["questionnaire", "answer_type"]
    inlines = [QuestionTextInline, ChoiceInline, CodeInline]


class ChoiceLabelInline(StaffInline, admin.TabularInline):
    model = ChoiceLabel
    extra = 0


@admin.register(Choice)
class ChoiceAdmin(AccessPolicyAdmin):
    list_display = ["question", "code", "position"]
    inlines = [ChoiceLabelInline]


class CodeLabelInline(StaffInline, admin.TabularInline):
    model = CodeLabel
    extra = 0


@admin.register(Code)
class CodeAdmin(AccessPolicyAdmin):
    list_display = ["question", "code", "position"]
    inlines = [CodeLabelInline]


class AnswerInline(StaffInline, admin.StackedInline):
    model = Answer
    extra = 0
    filter_horizontal = ["choices"]


@admin.register(Reply)
class ReplyAdmin(StatusReadOnlyOnceCreated, AccessPolicyAdmin):
    list_display = [
        "questionnaire",
        "respondent_kind",
        "state",
        "respondent_name",
        "status",
        "published",
        "demonstration",
    ]
    list_filter = ["questionnaire", "respondent_kind", "status", "published", "demonstration"]
    search_fields = ["respondent_name", "state__iso3"]
    autocomplete_fields = ["state"]
    inlines = [AnswerInline]
