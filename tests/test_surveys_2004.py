"""The questionnaire on the links between terrorism and other forms of crime (resolution
58/136) and the replies the Secretary-General's 2004 report lists (A/59/187, paras. 20-21)."""

import datetime
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from states.models import State
from surveys.models import Answer, Questionnaire, Reply

pytestmark = pytest.mark.django_db
CODE = "58-136-links-terrorism-crime"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "003_146f47bc773dc51d.txt"

# Paragraph 20 of the report's Chinese text, as printed (54 entries; the United Kingdom's
# entry names it and its Crown Dependencies of Guernsey and the Isle of Man).
PARAGRAPH_20 = (
    "阿尔及利亚，奥地利，阿塞拜疆，巴巴多斯，巴林，布基纳法索，哥伦比亚，科摩罗，哥斯达黎加，克罗地亚，丹麦，"
    "厄瓜多尔，埃及，萨尔瓦多，爱沙尼亚，芬兰，法国，德国，希腊，印度，意大利，日本，肯尼亚，吉尔吉斯斯坦，拉脱维亚，"
    "黎巴嫩，列支敦士登，立陶宛，马耳他，马绍尔群岛，毛里求斯，墨西哥，缅甸，纳米比亚，新西兰，阿曼，巴拿马，波兰，"
    "卡塔尔，大韩民国，罗马尼亚，圣多美和普林西比，沙特阿拉伯，塞内加尔，斯洛伐克，瑞典，瑞士，阿拉伯叙利亚共和国，"
    "土耳其，乌克兰，联合王国及根西岛和马恩岛皇家托管地，美利坚合众国，乌兹别克斯坦及也门"
)
UNITED_KINGDOM_ENTRY = "联合王国及根西岛和马恩岛皇家托管地"


def printed_entries() -> list[str]:
    *head, last = PARAGRAPH_20.split("，")
    return [*head, *last.split("及")]


def test_the_list_is_the_reports_own():
    if SEED.exists():
        assert PARAGRAPH_20 in SEED.read_text(encoding="utf-8")
    assert len(printed_entries()) == 54


def test_the_questionnaire_as_the_report_describes_it():
    q = Questionnaire.objects.get(code=CODE)
    assert (q.resolution, q.sent_on, q.replies_as_at, q.status) == (
        "58/136",
        datetime.date(2003, 12, 29),
        datetime.date(2004, 7, 29),
        "closed",
    )
    assert q.source == "a-59-187" and not q.demonstration
    (question,) = q.questions.all()
    assert question.answer_type == "text"
    assert {t.language for t in question.texts.all()} == {"ar", "zh", "en", "fr", "ru", "es"}
    assert (
        question.text("en").text
        == "Information on the nature of the links between terrorism and other forms of crime"
    )
    assert "恐怖主义与其他形式的犯罪之间的联系性质" in question.text("zh").text


def test_56_states_and_territories_and_3_organizations_replied():
    replies = Reply.objects.filter(questionnaire__code=CODE)
    states = replies.filter(respondent_kind="state")
    territories = replies.filter(respondent_kind="territory")
    assert states.count() + territories.count() == 56
    assert sorted(territories.values_list("respondent_name", "state__iso3")) == [
        ("Guernsey", "GBR"),
        ("Isle of Man", "GBR"),
    ]
    assert sorted(
        replies.filter(respondent_kind="organization").values_list("respondent_name", flat=True)
    ) == [
        "International Bar Association",
        "League of Arab States",
        "Offshore Group of Banking Supervisors",
    ]
    assert all(r.published and r.status == "submitted" and r.received_on is None for r in replies)
    assert not Answer.objects.filter(reply__in=replies).exists()  # the report does not give them


def test_the_states_are_those_of_paragraph_20():
    names = {state.names["zh"]: state.iso3 for state in State.objects.all()}
    expected = {names[entry] for entry in printed_entries() if entry != UNITED_KINGDOM_ENTRY} | {"GBR"}
    replied = set(
        Reply.objects.filter(questionnaire__code=CODE, respondent_kind="state").values_list(
            "state__iso3", flat=True
        )
    )
    assert len(expected) == 54 and replied == expected


def test_loading_again_changes_nothing():
    before = list(
        Reply.history.filter(questionnaire_id=Questionnaire.objects.get(code=CODE).id).values_list(
            "history_id"
        )
    )
    call_command("load_reference", verbosity=0)
    after = list(
        Reply.history.filter(questionnaire_id=Questionnaire.objects.get(code=CODE).id).values_list(
            "history_id"
        )
    )
    assert before == after
    assert Reply.objects.filter(questionnaire__code=CODE).count() == 59


def test_the_pages_show_the_replies_and_say_the_content_is_not_held(client):
    page = client.get(f"/questionnaires/{CODE}/replies/").content.decode()
    assert "Isle of Man" in page and "League of Arab States" in page and "Algeria" in page
    assert "59 replies shown, of 59 submitted" in page
    kenya = Reply.objects.get(questionnaire__code=CODE, state__iso3="KEN")
    page = client.get(f"/questionnaires/{CODE}/replies/{kenya.id}/").content.decode()
    assert "The content of this reply is not held by ctassist" in page and "paras. 22–28" in page
    page = client.get(f"/zh-hans/questionnaires/{CODE}/").content.decode()
    assert "恐怖主义与其他形式犯罪之间的联系" in page
    assert re.search(r"2003-12-29", page)
