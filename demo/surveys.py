"""A demonstration questionnaire (surveys, F11): a choice, a number and a text question, and
replies of some states, submitted or draft, published or not, with text answers coded.

Everything written here has `demonstration=True` and says so in its title; `clear()` removes
it (replies, answers, questions and texts go with the questionnaire)."""

import random
from decimal import Decimal

from surveys.models import (
    Answer,
    AnswerType,
    Choice,
    ChoiceLabel,
    Code,
    CodeLabel,
    Question,
    Questionnaire,
    QuestionnaireStatus,
    QuestionnaireText,
    QuestionText,
    Reply,
    ReplyStatus,
)

CODE = "demonstration-implementation-survey"
TITLES = {
    "en": "Implementation of the universal instruments (demonstration)",
    "fr": "Mise en œuvre des instruments universels (démonstration)",
    "zh": "各项国际文书的执行情况（示范）",
}
QUESTIONS = [
    (
        AnswerType.SINGLE_CHOICE,
        {
            "en": "Has your State designated a national focal point for counter-terrorism legislation?",
            "fr": "Votre État a-t-il désigné un point focal national pour la législation antiterroriste ?",
            "zh": "贵国是否指定了反恐立法国家联络点？",
        },
        [
            ("yes", {"en": "Yes", "fr": "Oui", "zh": "是"}),
            ("in-progress", {"en": "In progress", "fr": "En cours", "zh": "正在进行"}),
            ("no", {"en": "No", "fr": "Non", "zh": "否"}),
        ],
    ),
    (
        AnswerType.NUMBER,
        {
            "en": "How many prosecutors and judges were trained on terrorism cases in the last year?",
            "fr": "Combien de procureurs et juges ont été formés aux affaires de terrorisme en un an ?",
            "zh": "过去一年有多少检察官和法官接受了恐怖主义案件培训？",
        },
        [],
    ),
    (
        AnswerType.TEXT,
        {
            "en": "Which forms of crime have you found linked to terrorism?",
            "fr": "Quelles formes de criminalité avez-vous trouvées liées au terrorisme ?",
            "zh": "贵国发现哪些形式的犯罪与恐怖主义有关？",
        },
        [
            ("drug-trafficking", {"en": "Drug trafficking", "fr": "Trafic de drogues", "zh": "贩毒"}),
            ("money-laundering", {"en": "Money laundering", "fr": "Blanchiment d'argent", "zh": "洗钱"}),
            ("document-fraud", {"en": "Forged documents", "fr": "Faux documents", "zh": "伪造证件"}),
        ],
    ),
]
TEXTS = [
    ("(demonstration) Smuggling of drugs finances armed groups.", ["drug-trafficking"]),
    ("(demonstration) Cash couriers and informal transfers.", ["money-laundering"]),
    ("(demonstration) Forged passports and drugs.", ["document-fraud", "drug-trafficking"]),
    ("(demonstration) No case observed in recent years.", []),
]


def create(rng: random.Random, states: list, counts) -> None:
    """Write the questionnaire and replies of about 30 states; add what was written to `counts`."""
    questionnaire = Questionnaire.objects.create(
        code=CODE, resolution="", status=QuestionnaireStatus.OPEN, demonstration=True
    )
    for language, title in TITLES.items():
        QuestionnaireText.objects.create(questionnaire=questionnaire, language=language, title=title)
    questions = []
    for position, (kind, texts, options) in enumerate(QUESTIONS, start=1):
        question = Question.objects.create(questionnaire=questionnaire, position=position, answer_type=kind)
        for language, text in texts.items():
            QuestionText.objects.create(question=question, language=language, text=text)
        model, label_model, link = (
            (Code, CodeLabel, "code") if kind == AnswerType.TEXT else (Choice, ChoiceLabel, "choice")
        )
        for order, (code, labels) in enumerate(options):
            option = model.objects.create(question=question, code=code, position=order)
            for language, label in labels.items():
                label_model.objects.create(**{link: option, "language": language, "label": label})
        questions.append(question)
    choice_question, number_question, text_question = questions
    choices = list(choice_question.choices.all())
    replying = rng.sample(states, min(30, len(states)))
    for state in replying:
        submitted = rng.random() < 0.8
        reply = Reply.objects.create(
            questionnaire=questionnaire,
            state=state,
            status=ReplyStatus.SUBMITTED if submitted else ReplyStatus.DRAFT,
            published=submitted and rng.random() < 0.6,
            demonstration=True,
        )
        answer = Answer.objects.create(reply=reply, question=choice_question)
        answer.choices.set([rng.choice(choices)])
        Answer.objects.create(reply=reply, question=number_question, number=Decimal(rng.randint(0, 120)))
        text, codes = rng.choice(TEXTS)
        Answer.objects.create(
            reply=reply, question=text_question, text=text, codes=codes if rng.random() < 0.7 else []
        )
    counts.add("questionnaires", 1)
    counts.add("questionnaire replies", len(replying))


def exist() -> bool:
    return (
        Questionnaire.objects.filter(demonstration=True).exists()
        or Reply.objects.filter(demonstration=True).exists()
    )


def clear() -> int:
    """Delete the demonstration replies and questionnaires (with their questions, texts and answers)."""
    replies = Reply.objects.filter(demonstration=True)
    questionnaires = Questionnaire.objects.filter(demonstration=True)
    number = replies.count() + questionnaires.count()
    replies.delete()
    questionnaires.delete()
    return number
