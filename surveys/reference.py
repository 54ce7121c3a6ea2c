"""Loading the questionnaires whose replies are known from published reports
(data/reference/questionnaires/, described in its README.md).

`questionnaires.csv` gives each questionnaire, `questionnaire_texts.csv` its title and
description per language, `questions.csv` its questions per language, and each replies file
(`2004_links.csv`) who replied, as the report lists them. A report publishes who replied,
not what they wrote: no answer is loaded, and the reply's page says where the report
summarizes the replies. All or nothing (the caller's transaction); running it again changes
nothing."""

from ctassist.languages import UN_LANGUAGES
from ctassist.reference import LoadReport, read_rows, reference_path, save_if_changed
from sources.reference import check_citation
from states.models import State
from surveys.models import (
    AnswerType,
    Question,
    Questionnaire,
    QuestionnaireStatus,
    QuestionnaireText,
    QuestionText,
    Reply,
    ReplyStatus,
    RespondentKind,
)

FOLDER = "questionnaires"
REPLY_FILES = ["2004_links.csv"]
QUESTIONNAIRE_COLUMNS = [
    "code",
    "resolution",
    "sent_on",
    "replies_as_at",
    "status",
    "source",
    "source_locator",
    "replies_summarized_in",
]
TEXT_COLUMNS = ["questionnaire", "language", "title", "description"]
QUESTION_COLUMNS = ["questionnaire", "position", "answer_type", "language", "text"]
REPLY_COLUMNS = [
    "questionnaire",
    "entry",
    "respondent_kind",
    "state",
    "respondent_name",
    "as_printed",
    "published",
    "status",
    "source",
    "source_locator",
]


def _path(name: str):
    return reference_path(f"{FOLDER}/{name}")


def load_questionnaires(report: LoadReport, sources) -> None:
    questionnaires = _load_questionnaires(report, sources)
    _load_texts(report, questionnaires)
    _load_questions(report, questionnaires)
    _load_replies(report, sources, questionnaires)


def _questionnaire(row, questionnaires) -> Questionnaire:
    code = row.text("questionnaire", required=True)
    if code not in questionnaires:
        raise row.error("questionnaire", f"{code!r} is not in questionnaires.csv")
    return questionnaires[code]


def _load_questionnaires(report, sources) -> dict[str, Questionnaire]:
    loaded = {}
    for row in read_rows(_path("questionnaires.csv"), QUESTIONNAIRE_COLUMNS):
        code = row.text("code", required=True)
        if code in loaded:
            raise row.error("code", f"{code!r} appears twice")
        values = {
            "resolution": row.text("resolution"),
            "sent_on": row.date("sent_on"),
            "replies_as_at": row.date("replies_as_at"),
            "status": row.choice("status", QuestionnaireStatus.values, required=True),
            "source": check_citation(row, "source", sources, required=True),
            "source_locator": row.text("source_locator"),
            "replies_summarized_in": row.text("replies_summarized_in"),
            "demonstration": False,
        }
        loaded[code] = save_if_changed(Questionnaire, {"code": code}, values, report, "questionnaires")
    return loaded


def _load_texts(report, questionnaires) -> None:
    seen = set()
    for row in read_rows(_path("questionnaire_texts.csv"), TEXT_COLUMNS):
        questionnaire = _questionnaire(row, questionnaires)
        language = row.choice("language", UN_LANGUAGES, required=True)
        if (questionnaire.code, language) in seen:
            raise row.error("language", f"{language!r} appears twice for {questionnaire.code}")
        seen.add((questionnaire.code, language))
        save_if_changed(
            QuestionnaireText,
            {"questionnaire": questionnaire, "language": language},
            {"title": row.text("title", required=True), "description": row.text("description")},
            report,
            "questionnaire texts",
        )


def _load_questions(report, questionnaires) -> None:
    seen = set()
    for row in read_rows(_path("questions.csv"), QUESTION_COLUMNS):
        questionnaire = _questionnaire(row, questionnaires)
        position = row.integer("position", required=True)
        language = row.choice("language", UN_LANGUAGES, required=True)
        if (questionnaire.code, position, language) in seen:
            raise row.error("language", f"{language!r} appears twice for question {position}")
        seen.add((questionnaire.code, position, language))
        question = save_if_changed(
            Question,
            {"questionnaire": questionnaire, "position": position},
            {"answer_type": row.choice("answer_type", AnswerType.values, required=True)},
            report,
            "questions",
        )
        save_if_changed(
            QuestionText,
            {"question": question, "language": language},
            {"text": row.text("text", required=True)},
            report,
            "question texts",
        )


def _load_replies(report, sources, questionnaires) -> None:
    states = {state.iso3: state for state in State.objects.all()}
    by_chinese_name = {
        state.names.get("zh"): state.iso3 for state in states.values() if state.names.get("zh")
    }
    kept = {code: [] for code in questionnaires}
    for name in REPLY_FILES:
        for row in read_rows(_path(name), REPLY_COLUMNS):
            questionnaire = _questionnaire(row, questionnaires)
            kind = row.choice("respondent_kind", RespondentKind.values, required=True)
            state = row.state("state", states, required=kind == RespondentKind.STATE)
            iso3 = state.iso3 if state else ""
            printed = row.text("as_printed", required=True)
            # A name printed as one state's UN Chinese name must be that state.
            if kind == RespondentKind.STATE and by_chinese_name.get(printed, iso3) != iso3:
                raise row.error(
                    "state", f"{printed} is the UN name of {by_chinese_name[printed]}, not {iso3}"
                )
            respondent_name = row.text("respondent_name", required=kind != RespondentKind.STATE)
            if kind == RespondentKind.STATE:
                lookup = {"questionnaire": questionnaire, "respondent_kind": kind, "state": state}
                respondent_name = ""
            else:
                lookup = {
                    "questionnaire": questionnaire,
                    "respondent_kind": kind,
                    "respondent_name": respondent_name,
                }
            values = {
                "state": state,
                "respondent_name": respondent_name,
                "published": row.choice("published", ["yes", "no"], required=True) == "yes",
                "status": row.choice("status", ReplyStatus.values, required=True),
                "source": check_citation(row, "source", sources, required=True),
                "source_locator": row.text("source_locator"),
                "received_on": None,
                "demonstration": False,
            }
            values = {name: value for name, value in values.items() if name not in lookup}
            reply = save_if_changed(Reply, lookup, values, report, "questionnaire replies")
            if reply.id in kept[questionnaire.code]:
                raise row.error("respondent_name", "this respondent appears twice")
            kept[questionnaire.code].append(reply.id)
    # Replies a corrected file no longer lists go; replies entered by people (with an
    # entered_by, or not from a source) stay.
    for code, ids in kept.items():
        Reply.objects.filter(
            questionnaire=questionnaires[code], entered_by__isnull=True, demonstration=False
        ).exclude(source="").exclude(id__in=ids).delete()
