"""GET /api/v1/questionnaires, /questionnaires/{code} and /questionnaires/{code}/replies: the
same visibility as the pages (published replies for the public, a focal point's own too)."""

from decimal import Decimal

import pytest

from accounts.models import Role
from tests.conftest import make_user
from tests.test_surveys import questionnaire_fixture, reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def questionnaire():
    q = questionnaire_fixture()
    reply(q, "FRA", choice="yes", number=Decimal("2.5"), text="Drugs.", codes=["drugs"])
    reply(q, "ESP", choice="no", number=Decimal(7), text="Secret.", published=False)
    return q


def test_the_list_gives_titles_in_the_language_asked_and_counts_visible_replies(client, questionnaire):
    rows = {row["code"]: row for row in client.get("/api/v1/questionnaires?language=zh").json()}
    assert rows["fixture"]["title"] == {"text": "测试问卷", "language": "zh"}
    assert (rows["fixture"]["questions"], rows["fixture"]["replies"]) == (3, 1)
    client.force_login(make_user("focal-esp", Role.FOCAL_POINT, "ESP"))
    rows = {row["code"]: row for row in client.get("/api/v1/questionnaires?language=fr").json()}
    assert rows["fixture"]["replies"] == 2
    assert rows["fixture"]["title"] == {"text": "Fixture questionnaire", "language": "en"}


def test_a_questionnaire_with_its_questions_and_choices(client, questionnaire):
    body = client.get("/api/v1/questionnaires/fixture?language=zh").json()
    first, second, third = body["question_list"]
    assert first["answer_type"] == "single-choice"
    assert first["text"]["text"] == "贵国法律是否将资助定为犯罪？"
    assert [c["code"] for c in first["choices"]] == ["yes", "no"]
    assert first["choices"][1]["label"] == {"text": "否", "language": "zh"}
    assert second["text"]["language"] == "en"
    assert [c["code"] for c in third["codes"]] == ["drugs", "money"]


def test_replies_with_answers_the_caller_may_see(client, staff_user, questionnaire):
    public = client.get("/api/v1/questionnaires/fixture/replies").json()
    assert [r["state"] for r in public] == ["FRA"]
    answers = {a["question"]: a for a in public[0]["answers"]}
    assert answers[1]["choices"] == ["yes"] and answers[2]["number"] == "2.5"
    assert answers[3] == {"question": 3, "text": "Drugs.", "number": None, "choices": [], "codes": ["drugs"]}
    client.force_login(make_user("focal-deu", Role.FOCAL_POINT, "DEU"))
    assert [r["state"] for r in client.get("/api/v1/questionnaires/fixture/replies").json()] == ["FRA"]
    client.force_login(staff_user)
    assert {r["state"] for r in client.get("/api/v1/questionnaires/fixture/replies").json()} == {"FRA", "ESP"}


def test_a_draft_questionnaire_is_not_there_for_the_public(client, staff_user):
    questionnaire_fixture(status="draft")
    assert client.get("/api/v1/questionnaires/fixture").status_code == 404
    assert client.get("/api/v1/questionnaires/fixture/replies").status_code == 404
    assert "fixture" not in [row["code"] for row in client.get("/api/v1/questionnaires").json()]
    client.force_login(staff_user)
    assert client.get("/api/v1/questionnaires/fixture").status_code == 200


def test_the_2004_replies_say_their_content_is_not_held(client):
    body = client.get("/api/v1/questionnaires/58-136-links-terrorism-crime/replies?limit=1000").json()
    assert len(body) == 59
    assert not any(r["content_held"] for r in body)
    assert all(r["answers"] == [] for r in body)
    assert {r["respondent"]["text"] for r in body if r["respondent_kind"] == "territory"} == {
        "Guernsey",
        "Isle of Man",
    }
