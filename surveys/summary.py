"""The summary table of a questionnaire: per question, the counts of each choice, the
statistics of the numbers (n, min, median, max), and the counts of the codes staff assigned
to text answers. It counts the submitted replies it is given: the caller passes only those
the reader may see."""

import statistics
from dataclasses import dataclass, field
from decimal import Decimal

from surveys.models import Answer, AnswerType, Question


@dataclass
class Count:
    code: str
    label: object  # InLanguage
    count: int


@dataclass
class QuestionSummary:
    question: Question
    answered: int = 0  # replies counted that answer this question
    counts: list[Count] = field(default_factory=list)  # per choice, or per analysis code
    uncoded: int = 0  # text answers no code is assigned to yet
    n: int = 0
    minimum: Decimal | None = None
    median: Decimal | None = None
    maximum: Decimal | None = None

    def as_json(self, language: str) -> dict:
        return {
            "question": self.question.position,
            "answer_type": self.question.answer_type,
            "answered": self.answered,
            "counts": [{"code": c.code, "label": c.label.text, "count": c.count} for c in self.counts],
            "uncoded": self.uncoded,
            "numbers": {
                "n": self.n,
                "min": _text(self.minimum),
                "median": _text(self.median),
                "max": _text(self.maximum),
            },
        }


def _text(number):
    return None if number is None else format(number.normalize(), "f")


def _is_answered(answer: Answer) -> bool:
    kind = answer.question.answer_type
    if kind == AnswerType.NUMBER:
        return answer.number is not None
    if kind == AnswerType.TEXT:
        return bool(answer.text.strip())
    return bool(answer.chosen)


def summarize(questionnaire, replies, language: str | None = None) -> list[QuestionSummary]:
    """One summary per question of `questionnaire`, counting the answers of `replies`."""
    questions = list(
        questionnaire.questions.prefetch_related("texts", "choices__labels", "codes__labels").order_by(
            "position"
        )
    )
    answers = (
        Answer.objects.filter(reply__in=replies, question__questionnaire=questionnaire)
        .select_related("question")
        .prefetch_related("choices")
    )
    by_question: dict[int, list[Answer]] = {question.id: [] for question in questions}
    for answer in answers:
        answer.chosen = [choice.id for choice in answer.choices.all()]
        if _is_answered(answer):
            by_question[answer.question_id].append(answer)
    return [_summarize(question, by_question[question.id], language) for question in questions]


def _summarize(question: Question, answers: list[Answer], language) -> QuestionSummary:
    summary = QuestionSummary(question, answered=len(answers))
    if question.has_choices:
        summary.counts = [
            Count(choice.code, choice.label(language), sum(choice.id in a.chosen for a in answers))
            for choice in question.choices.all()
        ]
    elif question.answer_type == AnswerType.NUMBER:
        numbers = sorted(answer.number for answer in answers)
        summary.n = len(numbers)
        if numbers:
            summary.minimum, summary.maximum = numbers[0], numbers[-1]
            summary.median = Decimal(statistics.median(numbers))
    else:
        summary.counts = [
            Count(code.code, code.label(language), sum(code.code in (a.codes or []) for a in answers))
            for code in question.codes.all()
        ]
        summary.uncoded = sum(not a.codes for a in answers)
    return summary
