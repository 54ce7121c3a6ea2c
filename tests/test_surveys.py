"""Questionnaires to Member States (F11): who sees and changes a reply, the lifecycles, and
the summary table counted from a hand-built fixture."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from accounts.access import may_change_reply, may_reply, may_see_reply
from accounts.models import Role
from ctassist.lifecycle import MoveForbidden, MoveNotAllowed, move
from states.models import State
from surveys.models import (
    Answer,
    AnswerType,
    Choice,
    ChoiceLabel,
    Code,
    CodeLabel,
    Question,
    Questionnaire,
    QuestionnaireText,
    QuestionText,
    Reply,
    RespondentKind,
)
from surveys.summary import summarize
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def questionnaire_fixture(status="open"):
    """A questionnaire with a choice, a number and a text question, in English and Chinese."""
    q = Questionnaire.objects.create(code="fixture", resolution="99/1", status=status)
    QuestionnaireText.objects.create(questionnaire=q, language="en", title="Fixture questionnaire")
    QuestionnaireText.objects.create(questionnaire=q, language="zh", title="测试问卷")
    law = Question.objects.create(questionnaire=q, position=1, answer_type=AnswerType.SINGLE_CHOICE)
    QuestionText.objects.create(question=law, language="en", text="Does your law criminalize financing?")
    QuestionText.objects.create(question=law, language="zh", text="贵国法律是否将资助定为犯罪？")
    for position, (code, en, zh) in enumerate([("yes", "Yes", "是"), ("no", "No", "否")]):
        choice = Choice.objects.create(question=law, code=code, position=position)
        ChoiceLabel.objects.create(choice=choice, language="en", label=en)
        ChoiceLabel.objects.create(choice=choice, language="zh", label=zh)
    cases = Question.objects.create(questionnaire=q, position=2, answer_type=AnswerType.NUMBER)
    QuestionText.objects.create(question=cases, language="en", text="How many cases were prosecuted?")
    links = Question.objects.create(questionnaire=q, position=3, answer_type=AnswerType.TEXT)
    QuestionText.objects.create(question=links, language="en", text="Describe the links you observed.")
    for position, (code, en) in enumerate([("drugs", "Drug trafficking"), ("money", "Money laundering")]):
        c = Code.objects.create(question=links, code=code, position=position)
        CodeLabel.objects.create(code=c, language="en", label=en)
    return q


def reply(q, iso3, *, choice=None, number=None, text="", codes=(), published=True, submitted=True):
    r = Reply.objects.create(
        questionnaire=q,
        state=State.objects.get(iso3=iso3),
        published=published,
        status="submitted" if submitted else "draft",
    )
    law, cases, links = q.questions.order_by("position")
    a = Answer.objects.create(reply=r, question=law)
    if choice:
        a.choices.set(Choice.objects.filter(question=law, code=choice))
    Answer.objects.create(reply=r, question=cases, number=number)
    Answer.objects.create(reply=r, question=links, text=text, codes=list(codes))
    return r


@pytest.fixture
def questionnaire():
    return questionnaire_fixture()


@pytest.fixture
def replies(questionnaire):
    return [
        reply(
            questionnaire,
            "FRA",
            choice="yes",
            number=Decimal(3),
            text="Drugs and cash.",
            codes=["drugs", "money"],
        ),
        reply(questionnaire, "DEU", choice="yes", number=Decimal(10), text="Drugs.", codes=["drugs"]),
        reply(questionnaire, "ITA", choice="no", number=Decimal(4), text="Not yet coded."),
        reply(
            questionnaire,
            "ESP",
            choice="no",
            number=Decimal(100),
            text="Secret.",
            codes=["money"],
            published=False,
        ),
    ]


def test_the_summary_counts_choices_numbers_and_codes(questionnaire, replies):
    law, cases, links = summarize(questionnaire, Reply.objects.filter(questionnaire=questionnaire), "en")
    assert [(c.code, c.count) for c in law.counts] == [("yes", 2), ("no", 2)]
    assert (cases.n, cases.minimum, cases.median, cases.maximum) == (4, 3, Decimal("7"), 100)
    assert [(c.code, c.count) for c in links.counts] == [("drugs", 2), ("money", 2)]
    assert links.uncoded == 1


def test_the_public_summary_counts_published_replies_only(client, questionnaire, replies):
    law, cases, links = summarize(questionnaire, Reply.objects.visible_to(None), "en")
    assert [(c.code, c.count) for c in law.counts] == [("yes", 2), ("no", 1)]
    assert (cases.n, cases.median, cases.maximum) == (3, Decimal(4), 10)
    assert [(c.code, c.count) for c in links.counts] == [("drugs", 2), ("money", 1)]
    page = client.get("/questionnaires/fixture/summary/").content.decode()
    assert "4 replies submitted; 3 counted here" in page
    assert "Drug trafficking" in page


def test_a_focal_point_sees_its_own_unpublished_reply_counted(client, questionnaire, replies):
    client.force_login(make_user("focal-esp", Role.FOCAL_POINT, "ESP"))
    page = client.get("/questionnaires/fixture/summary/").content.decode()
    assert "4 replies submitted; 4 counted here" in page


def test_a_draft_reply_is_not_counted(questionnaire, replies):
    reply(questionnaire, "GBR", choice="yes", submitted=False)
    law, *_ = summarize(questionnaire, Reply.objects.submitted(), "en")
    assert law.answered == 4


def test_the_median_of_an_odd_count_is_the_middle_value(questionnaire):
    for iso3, number in [("FRA", 1), ("DEU", 5), ("ITA", 2)]:
        reply(questionnaire, iso3, number=Decimal(number))
    _, cases, _ = summarize(questionnaire, Reply.objects.filter(questionnaire=questionnaire), "en")
    assert (cases.n, cases.minimum, cases.median, cases.maximum) == (3, 1, 2, 5)


def test_the_public_sees_published_replies_only(client, questionnaire, replies):
    spain = replies[3]
    assert client.get(f"/questionnaires/fixture/replies/{spain.id}/").status_code == 404
    page = client.get("/questionnaires/fixture/replies/").content.decode()
    assert "Spain" not in page and "France" in page
    assert "3 replies shown, of 4 submitted" in page


def test_another_states_focal_point_cannot_see_or_change_an_unpublished_reply(client, questionnaire, replies):
    spain = replies[3]
    focal_fra = make_user("focal-fra", Role.FOCAL_POINT, "FRA")
    assert not may_see_reply(focal_fra, spain)
    client.force_login(focal_fra)
    assert client.get(f"/questionnaires/fixture/replies/{spain.id}/").status_code == 404
    assert client.get(f"/questionnaires/fixture/replies/{spain.id}/edit/").status_code == 404
    response = client.post(f"/questionnaires/fixture/replies/{spain.id}/edit/", {"question_3": "changed"})
    assert response.status_code == 404
    assert (
        client.post(f"/questionnaires/fixture/replies/{spain.id}/move/", {"to": "draft"}).status_code == 404
    )
    assert Answer.objects.get(reply=spain, question__position=3).text == "Secret."


def test_a_focal_point_cannot_change_another_states_published_reply(client, questionnaire, replies):
    germany = replies[1]
    client.force_login(make_user("focal-fra", Role.FOCAL_POINT, "FRA"))
    assert client.get(f"/questionnaires/fixture/replies/{germany.id}/").status_code == 200
    assert client.get(f"/questionnaires/fixture/replies/{germany.id}/edit/").status_code == 403
    assert (
        client.post(f"/questionnaires/fixture/replies/{germany.id}/move/", {"to": "draft"}).status_code == 403
    )


def test_a_focal_point_enters_and_submits_its_own_reply(client, questionnaire):
    focal = make_user("focal-ken", Role.FOCAL_POINT, "KEN")
    client.force_login(focal)
    page = client.get("/questionnaires/fixture/").content.decode()
    assert "/questionnaires/fixture/replies/new/" in page
    response = client.post(
        "/questionnaires/fixture/replies/new/",
        {"question_1": "yes", "question_2": "12", "question_3": "Links through smuggling."},
    )
    assert response.status_code == 302
    mine = Reply.objects.get(questionnaire=questionnaire, state__iso3="KEN")
    assert (mine.status, mine.published, mine.entered_by) == ("draft", False, focal)
    assert mine.answers.get(question__position=2).number == 12
    assert list(mine.answers.get(question__position=1).choices.values_list("code", flat=True)) == ["yes"]
    # A second visit to the new-reply page opens the same reply.
    assert client.get("/questionnaires/fixture/replies/new/")["Location"].endswith(
        f"/replies/{mine.id}/edit/"
    )
    assert (
        client.post(f"/questionnaires/fixture/replies/{mine.id}/move/", {"to": "submitted"}).status_code
        == 302
    )
    mine.refresh_from_db()
    assert mine.status == "submitted"
    # Submitted: the focal point no longer changes it, nor returns it to draft; nor publishes it.
    assert client.get(f"/questionnaires/fixture/replies/{mine.id}/edit/").status_code == 403
    assert client.post(f"/questionnaires/fixture/replies/{mine.id}/move/", {"to": "draft"}).status_code == 403
    assert (
        client.post(f"/questionnaires/fixture/replies/{mine.id}/publish/", {"published": "yes"}).status_code
        == 403
    )
    # Still invisible to the public until staff publish it.
    assert Client().get(f"/questionnaires/fixture/replies/{mine.id}/").status_code == 404


def test_a_focal_point_replies_only_for_its_own_state_and_while_open(questionnaire):
    focal = make_user("focal-ken", Role.FOCAL_POINT, "KEN")
    assert may_reply(focal, questionnaire, State.objects.get(iso3="KEN"))
    assert not may_reply(focal, questionnaire, State.objects.get(iso3="FRA"))
    questionnaire.status = "closed"
    assert not may_reply(focal, questionnaire, State.objects.get(iso3="KEN"))


def test_staff_enter_a_reply_for_an_organization_and_publish_it(client, staff_user, questionnaire):
    client.force_login(staff_user)
    response = client.post(
        "/questionnaires/fixture/replies/new/",
        {
            "respondent_kind": "organization",
            "respondent_name": "League of Arab States",
            "question_1": "no",
            "question_3": "Financing.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entered = Reply.objects.get(questionnaire=questionnaire, respondent_name="League of Arab States")
    assert entered.state is None and entered.entered_by == staff_user
    assert (
        client.post(
            f"/questionnaires/fixture/replies/{entered.id}/publish/", {"published": "yes"}
        ).status_code
        == 400
    )
    move(entered, "submitted", by=staff_user)
    assert (
        client.post(
            f"/questionnaires/fixture/replies/{entered.id}/publish/", {"published": "yes"}
        ).status_code
        == 302
    )
    entered.refresh_from_db()
    assert entered.published
    assert "League of Arab States" in Client().get("/questionnaires/fixture/replies/").content.decode()


def test_staff_code_a_text_answer(client, staff_user, questionnaire, replies):
    italy = replies[2]
    answer = italy.answers.get(question__position=3)
    client.force_login(staff_user)
    url = f"/questionnaires/fixture/replies/{italy.id}/answers/{answer.id}/codes/"
    assert client.post(url, {"codes": ["money"]}).status_code == 302
    answer.refresh_from_db()
    assert answer.codes == ["money"]
    client.force_login(make_user("focal-ita", Role.FOCAL_POINT, "ITA"))
    assert client.post(url, {"codes": ["drugs"]}).status_code == 403


def test_anonymous_users_cannot_post(questionnaire, replies):
    client = Client()
    france = replies[0]
    assert client.post("/questionnaires/fixture/replies/new/", {"question_3": "x"}).status_code == 302
    assert (
        client.post(f"/questionnaires/fixture/replies/{france.id}/publish/", {"published": "no"}).status_code
        == 302
    )
    assert (
        client.post(f"/questionnaires/fixture/replies/{france.id}/move/", {"to": "draft"}).status_code == 302
    )
    france.refresh_from_db()
    assert france.published and france.status == "submitted"
    assert Reply.objects.filter(questionnaire=questionnaire).count() == 4


def test_forms_need_the_csrf_token(questionnaire):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("focal-ken", Role.FOCAL_POINT, "KEN"))
    assert client.post("/questionnaires/fixture/replies/new/", {"question_3": "x"}).status_code == 403
    assert not Reply.objects.filter(questionnaire=questionnaire).exists()


def test_a_draft_questionnaire_is_for_staff_only(client, staff_user):
    questionnaire_fixture(status="draft")
    assert client.get("/questionnaires/fixture/").status_code == 404
    assert "Fixture questionnaire" not in client.get("/questionnaires/").content.decode()
    client.force_login(staff_user)
    assert client.get("/questionnaires/fixture/").status_code == 200


def test_the_questionnaire_lifecycle(staff_user, questionnaire):
    focal = make_user("focal-fra", Role.FOCAL_POINT, "FRA")
    with pytest.raises(MoveForbidden):
        move(questionnaire, "closed", by=focal)
    move(questionnaire, "closed", by=staff_user)
    with pytest.raises(MoveNotAllowed):
        move(questionnaire, "draft", by=staff_user)
    assert Questionnaire.objects.get(code="fixture").status == "closed"


def test_a_state_reply_names_its_state_and_others_their_name(questionnaire):
    with pytest.raises(ValidationError):
        Reply(questionnaire=questionnaire, respondent_kind=RespondentKind.STATE).full_clean()
    with pytest.raises(ValidationError):
        Reply(questionnaire=questionnaire, respondent_kind=RespondentKind.ORGANIZATION).full_clean()


def test_a_focal_point_changes_its_draft_only(questionnaire):
    focal = make_user("focal-fra", Role.FOCAL_POINT, "FRA")
    mine = reply(questionnaire, "FRA", published=False, submitted=False)
    assert may_change_reply(focal, mine)
    move(mine, "submitted", by=focal)
    assert not may_change_reply(focal, mine)
    with pytest.raises(PermissionDenied):
        move(mine, "draft", by=focal)


def test_the_questions_are_in_the_readers_language_with_fallback_marked(client, questionnaire):
    page = client.get("/zh-hans/questionnaires/fixture/").content.decode()
    assert "测试问卷" in page and "贵国法律是否将资助定为犯罪？" in page and "否" in page
    assert '<span lang="en" dir="ltr">How many cases were prosecuted?</span>' in page
    page = client.get("/ar/questionnaires/fixture/").content.decode()
    assert 'dir="rtl"' in page
    assert '<span lang="en" dir="ltr">Fixture questionnaire</span>' in page


def test_demo_data_adds_a_labelled_questionnaire_and_clear_removes_only_it(client):
    from io import StringIO

    from django.core.management import call_command

    real = Reply.objects.filter(demonstration=False).count()
    call_command("demo_data", "--activities", "50", "--today", "2026-03-15", stdout=StringIO())
    demo = Questionnaire.objects.get(demonstration=True)
    assert "(demonstration)" in demo.title("en").text
    replies = Reply.objects.filter(questionnaire=demo)
    assert replies.count() == 30 and all(r.demonstration for r in replies)
    assert Answer.objects.filter(reply__in=replies).exclude(codes=[]).exists()
    assert "demonstration" in client.get(f"/questionnaires/{demo.code}/summary/").content.decode()
    call_command("demo_data", "--clear", stdout=StringIO())
    assert not Questionnaire.objects.filter(demonstration=True).exists()
    assert not Reply.objects.filter(demonstration=True).exists()
    assert Reply.objects.count() == real
