"""Questionnaires to Member States (F11): the questionnaires anyone may read (open and
closed; drafts for staff), their questions and choices, and the replies the caller may see
with their answers (published ones for everyone, a focal point's own state's, all for staff).
Texts come in the language asked (`language`, else the request's), with the language each
text is actually in where a translation is missing."""

import datetime

from django.db.models import Count, Q
from django.utils.translation import get_language
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from accounts.access import may_read_questionnaire
from ctassist.languages import UN_LANGUAGES, data_language
from surveys.models import Questionnaire, Reply

router = Router(tags=["questionnaires"])

LANGUAGE = Query(
    "",
    pattern=r"^(ar|zh|en|fr|ru|es)?$",
    description="ar, zh, en, fr, ru or es; by default the request's language",
)


class TextOut(Schema):
    text: str
    language: str = Field(
        description="the language the text is in: the one asked, or English (then another) where missing"
    )


class QuestionnaireOut(Schema):
    code: str
    title: TextOut
    resolution: str
    sent_on: datetime.date | None
    replies_as_at: datetime.date | None = Field(description="the date a published count of replies is as at")
    status: str = Field(description="draft (staff only), open or closed")
    questions: int = Field(description="number of questions")
    replies: int = Field(description="replies the caller may see")
    source: str = Field(description="key of a registered source, with its locator")
    demonstration: bool


class ChoiceOut(Schema):
    code: str
    label: TextOut


class QuestionOut(Schema):
    position: int
    answer_type: str = Field(description="single-choice, multiple-choice, text or number")
    text: TextOut
    choices: list[ChoiceOut]
    codes: list[ChoiceOut] = Field(description="the analysis codes staff assign to text answers")


class QuestionnaireDetailOut(QuestionnaireOut):
    description: TextOut
    questions_: list[QuestionOut] = Field(alias="question_list")


class AnswerOut(Schema):
    question: int = Field(description="the question's position")
    text: str
    number: str | None = Field(description="a decimal, as a string")
    choices: list[str] = Field(description="codes of the choices")
    codes: list[str] = Field(description="analysis codes assigned by staff")


class ReplyOut(Schema):
    id: int
    respondent_kind: str = Field(description="state, territory or organization")
    state: str | None = Field(description="ISO3 of the state; for a territory, its administering state")
    respondent: TextOut = Field(
        description="the state's UN name, or the territory's or organization's (English)"
    )
    received_on: datetime.date | None
    status: str = Field(description="draft or submitted")
    published: bool
    source: str = Field(description="key of a registered source, with its locator")
    content_held: bool = Field(
        description="false where a report lists the reply but ctassist holds no answer"
    )
    answers: list[AnswerOut]
    demonstration: bool


def _language(language: str) -> str:
    return language if language in UN_LANGUAGES else data_language(get_language())


def _text(value) -> dict:
    return {"text": value.text, "language": value.language}


def _source(record) -> str:
    return f"{record.source} {record.source_locator}".strip()


def _questionnaire(request, code: str) -> Questionnaire:
    questionnaire = Questionnaire.objects.prefetch_related("texts").filter(code=code).first()
    if questionnaire is None or not may_read_questionnaire(request.user, questionnaire):
        raise HttpError(404, f"No questionnaire {code!r} that you may see.")
    return questionnaire


def _summary(questionnaire, language: str, replies: int) -> dict:
    return {
        "code": questionnaire.code,
        "title": _text(questionnaire.title(language)),
        "resolution": questionnaire.resolution,
        "sent_on": questionnaire.sent_on,
        "replies_as_at": questionnaire.replies_as_at,
        "status": questionnaire.status,
        "questions": questionnaire.questions.count(),
        "replies": replies,
        "source": _source(questionnaire),
        "demonstration": questionnaire.demonstration,
    }


@router.get("/questionnaires", response=list[QuestionnaireOut], summary="Questionnaires to Member States")
def list_questionnaires(request, language: str = LANGUAGE):
    language = _language(language)
    visible_replies = Reply.objects.visible_to(request.user)
    counts = dict(
        visible_replies.values("questionnaire").annotate(n=Count("id")).values_list("questionnaire", "n")
    )
    questionnaires = Questionnaire.objects.visible_to(request.user).prefetch_related("texts")
    return [_summary(q, language, counts.get(q.id, 0)) for q in questionnaires]


@router.get(
    "/questionnaires/{code}",
    response=QuestionnaireDetailOut,
    by_alias=True,
    summary="A questionnaire with its questions and choices",
)
def get_questionnaire(request, code: str, language: str = LANGUAGE):
    language = _language(language)
    questionnaire = _questionnaire(request, code)
    replies = Reply.objects.visible_to(request.user).filter(questionnaire=questionnaire).count()
    questions = questionnaire.questions.prefetch_related("texts", "choices__labels", "codes__labels")
    return {
        **_summary(questionnaire, language, replies),
        "description": _text(questionnaire.description(language)),
        "question_list": [
            {
                "position": question.position,
                "answer_type": question.answer_type,
                "text": _text(question.text(language)),
                "choices": [
                    {"code": c.code, "label": _text(c.label(language))} for c in question.choices.all()
                ],
                "codes": [{"code": c.code, "label": _text(c.label(language))} for c in question.codes.all()],
            }
            for question in questions.order_by("position")
        ],
    }


@router.get(
    "/questionnaires/{code}/replies",
    response=list[ReplyOut],
    summary="The replies to a questionnaire that you may see, with their answers",
)
def list_replies(
    request,
    code: str,
    language: str = LANGUAGE,
    limit: int = Query(100, ge=1, le=1000, description="page size (at most 1000)"),
    offset: int = Query(0, ge=0, description="how many to skip"),
):
    language = _language(language)
    questionnaire = _questionnaire(request, code)
    replies = (
        Reply.objects.visible_to(request.user)
        .filter(questionnaire=questionnaire)
        .annotate(answered=Count("answers", filter=~Q(answers__id=None)))
        .order_by("respondent_kind", "state__iso3", "respondent_name", "id")
    )
    page = (
        replies[offset : offset + limit]
        .select_related("state")
        .prefetch_related("answers__question", "answers__choices")
    )
    return [
        {
            "id": reply.id,
            "respondent_kind": reply.respondent_kind,
            "state": reply.state.iso3 if reply.state else None,
            "respondent": _text(reply.respondent(language)),
            "received_on": reply.received_on,
            "status": reply.status,
            "published": reply.published,
            "source": _source(reply),
            "content_held": reply.answered > 0,
            "answers": [
                {
                    "question": answer.question.position,
                    "text": answer.text,
                    "number": None if answer.number is None else format(answer.number.normalize(), "f"),
                    "choices": [choice.code for choice in answer.choices.all()],
                    "codes": answer.codes or [],
                }
                for answer in reply.answers.all()
            ],
            "demonstration": reply.demonstration,
        }
        for reply in page
    ]
