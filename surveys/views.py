"""Pages of the questionnaires (F11). Anyone reads an open or closed questionnaire, its
summary and the replies published; a focal point also sees and answers its own state's
reply; staff see everything, enter replies for anyone, publish them and code text answers.
A reply the reader may not see is missing (404); one it sees but may not change is a 403."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import (
    may_change_reply,
    may_code_answers,
    may_manage_questionnaires,
    may_publish_reply,
    may_read_questionnaire,
    may_reply,
    may_see_reply,
    state_of,
)
from ctassist.demonstration import mark_demonstration
from ctassist.languages import data_language
from ctassist.lifecycle import MoveNotAllowed, move
from states.models import State
from surveys.forms import AnswersForm, CodingForm, RespondentForm
from surveys.models import Answer, AnswerType, Questionnaire, Reply, RespondentKind
from surveys.replies import respondents_sorted
from surveys.summary import summarize


def _language() -> str:
    return data_language(get_language())


def _questionnaire(request, code) -> Questionnaire:
    questionnaire = get_object_or_404(Questionnaire.objects.prefetch_related("texts"), code=code)
    if not may_read_questionnaire(request.user, questionnaire):
        raise Http404(_("No such questionnaire."))
    mark_demonstration(request, [questionnaire])
    return questionnaire


def _questions(questionnaire):
    return questionnaire.questions.prefetch_related("texts", "choices__labels", "codes__labels").order_by(
        "position"
    )


def _reply(request, questionnaire, reply_id) -> Reply:
    reply = get_object_or_404(Reply.objects.select_related("state"), id=reply_id, questionnaire=questionnaire)
    if not may_see_reply(request.user, reply):
        raise Http404(_("No such record."))
    return reply


def _own_reply(user, questionnaire):
    state_id = state_of(user)
    if state_id is None:
        return None
    return Reply.objects.filter(
        questionnaire=questionnaire, respondent_kind=RespondentKind.STATE, state_id=state_id
    ).first()


def questionnaire_list(request):
    questionnaires = Questionnaire.objects.visible_to(request.user).prefetch_related("texts")
    mark_demonstration(request, questionnaires)
    rows = [
        (questionnaire, Reply.objects.visible_to(request.user).filter(questionnaire=questionnaire).count())
        for questionnaire in questionnaires
    ]
    return render(request, "surveys/list.html", {"rows": rows, "language": _language()})


def questionnaire_detail(request, code):
    questionnaire = _questionnaire(request, code)
    state = State.objects.filter(id=state_of(request.user)).first()
    context = {
        "questionnaire": questionnaire,
        "questions": _questions(questionnaire),
        "language": _language(),
        "own_reply": _own_reply(request.user, questionnaire),
        "may_reply": state is not None and may_reply(request.user, questionnaire, state),
        "may_enter": may_manage_questionnaires(request.user),
    }
    return render(request, "surveys/detail.html", context)


def summary_page(request, code):
    questionnaire = _questionnaire(request, code)
    submitted = Reply.objects.filter(questionnaire=questionnaire).submitted()
    counted = submitted.visible_to(request.user)
    mark_demonstration(request, counted)
    context = {
        "questionnaire": questionnaire,
        "summaries": summarize(questionnaire, counted, _language()),
        "existing": submitted.count(),
        "counted": counted.count(),
        "language": _language(),
    }
    return render(request, "surveys/summary.html", context)


def reply_list(request, code):
    questionnaire = _questionnaire(request, code)
    replies = (
        Reply.objects.visible_to(request.user).filter(questionnaire=questionnaire).select_related("state")
    )
    mark_demonstration(request, replies)
    context = {
        "questionnaire": questionnaire,
        "replies": respondents_sorted(replies, _language()),
        "existing": Reply.objects.filter(questionnaire=questionnaire).submitted().count(),
        "language": _language(),
    }
    return render(request, "surveys/replies.html", context)


def reply_detail(request, code, reply_id):
    questionnaire = _questionnaire(request, code)
    reply = _reply(request, questionnaire, reply_id)
    mark_demonstration(request, [reply])
    answers = {answer.question_id: answer for answer in reply.answers.prefetch_related("choices__labels")}
    items = [(question, answers.get(question.id)) for question in _questions(questionnaire)]
    coding = may_code_answers(request.user)
    context = {
        "questionnaire": questionnaire,
        "reply": reply,
        "items": [
            (
                question,
                answer,
                CodingForm(question=question, language=_language(), initial={"codes": answer.codes})
                if coding and answer and question.answer_type == AnswerType.TEXT
                else None,
            )
            for question, answer in items
        ],
        "content_held": bool(answers),
        "may_change": may_change_reply(request.user, reply),
        "moves": type(reply).lifecycle.moves_for(request.user, reply),
        "may_publish": may_publish_reply(request.user),
        "language": _language(),
    }
    return render(request, "surveys/reply.html", context)


@login_required
def reply_new(request, code):
    """A focal point's reply for its own state; staff enter one for any respondent."""
    questionnaire = _questionnaire(request, code)
    staff = may_manage_questionnaires(request.user)
    if not staff:
        state = State.objects.filter(id=state_of(request.user)).first()
        if state is None or not may_reply(request.user, questionnaire, state):
            raise PermissionDenied(
                _("Only a state's focal point replies for its state, while the questionnaire is open.")
            )
        existing = _own_reply(request.user, questionnaire)
        if existing is not None:
            return redirect("surveys:reply-edit", code=code, reply_id=existing.id)
    respondent = RespondentForm(request.POST or None, questionnaire=questionnaire) if staff else None
    answers = AnswersForm(request.POST or None, questions=_questions(questionnaire), language=_language())
    if request.method == "POST" and answers.is_valid() and (respondent is None or respondent.is_valid()):
        reply = respondent.save(commit=False) if staff else Reply(questionnaire=questionnaire, state=state)
        reply.entered_by = request.user
        reply.full_clean()
        reply.save()
        answers.save(reply)
        return redirect("surveys:reply", code=code, reply_id=reply.id)
    context = {"questionnaire": questionnaire, "respondent": respondent, "answers": answers, "reply": None}
    return render(
        request, "surveys/reply_edit.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
def reply_edit(request, code, reply_id):
    questionnaire = _questionnaire(request, code)
    reply = _reply(request, questionnaire, reply_id)
    if not may_change_reply(request.user, reply):
        raise PermissionDenied(_("You may not change this reply."))
    answers = AnswersForm(
        request.POST or None, questions=_questions(questionnaire), reply=reply, language=_language()
    )
    if request.method == "POST" and answers.is_valid():
        answers.save(reply)
        return redirect("surveys:reply", code=code, reply_id=reply.id)
    context = {"questionnaire": questionnaire, "respondent": None, "answers": answers, "reply": reply}
    return render(
        request, "surveys/reply_edit.html", context, status=400 if request.method == "POST" else 200
    )


@require_POST
@login_required
def reply_move(request, code, reply_id):
    questionnaire = _questionnaire(request, code)
    reply = _reply(request, questionnaire, reply_id)
    try:
        move(reply, request.POST.get("to", ""), by=request.user)
    except MoveNotAllowed as refusal:
        return HttpResponseBadRequest(" ".join(refusal.messages))
    return redirect("surveys:reply", code=code, reply_id=reply.id)


@require_POST
@login_required
def reply_publish(request, code, reply_id):
    questionnaire = _questionnaire(request, code)
    reply = _reply(request, questionnaire, reply_id)
    if not may_publish_reply(request.user):
        raise PermissionDenied(_("Only staff publish replies."))
    published = request.POST.get("published") == "yes"
    if published and not reply.is_submitted:
        return HttpResponseBadRequest(_("Only a submitted reply is published."))
    reply.published = published
    reply._history_user = request.user
    reply.save(update_fields=["published"])
    return redirect("surveys:reply", code=code, reply_id=reply.id)


@require_POST
@login_required
def answer_codes(request, code, reply_id, answer_id):
    questionnaire = _questionnaire(request, code)
    reply = _reply(request, questionnaire, reply_id)
    if not may_code_answers(request.user):
        raise PermissionDenied(_("Only staff code answers."))
    answer = get_object_or_404(Answer.objects.select_related("question"), id=answer_id, reply=reply)
    form = CodingForm(request.POST, question=answer.question, language=_language())
    if form.is_valid():
        answer.codes = form.cleaned_data["codes"]
        answer._history_user = request.user
        answer.save(update_fields=["codes"])
    return redirect("surveys:reply", code=code, reply_id=reply.id)
