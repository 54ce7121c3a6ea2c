"""The reply form (one field per question, in the reader's language), the respondent form
staff fill in when they enter a reply for someone, and the coding of a text answer."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ctassist.collation import ByName
from states.models import State
from surveys.models import Answer, AnswerType, Reply, RespondentKind


def field_name(question) -> str:
    return f"question_{question.position}"


class AnswersForm(forms.Form):
    """The answers of a reply: a choice, several, a number or a text per question."""

    def __init__(self, *args, questions, reply=None, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        existing = {answer.question_id: answer for answer in reply.answers.all()} if reply else {}
        for question in self.questions:
            label = question.text(language).text
            answer = existing.get(question.id)
            choices = [(c.code, c.label(language).text) for c in question.choices.all()]
            chosen = [c.code for c in answer.choices.all()] if answer else []
            if question.answer_type == AnswerType.SINGLE_CHOICE:
                field = forms.ChoiceField(choices=choices, widget=forms.RadioSelect, required=False)
                initial = chosen[0] if chosen else None
            elif question.answer_type == AnswerType.MULTIPLE_CHOICE:
                field = forms.MultipleChoiceField(
                    choices=choices, widget=forms.CheckboxSelectMultiple, required=False
                )
                initial = chosen
            elif question.answer_type == AnswerType.NUMBER:
                field = forms.DecimalField(max_digits=20, decimal_places=4, required=False)
                initial = answer.number if answer else None
            else:
                field = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), required=False)
                initial = answer.text if answer else ""
            field.label = label
            field.initial = initial
            self.fields[field_name(question)] = field

    def save(self, reply: Reply) -> None:
        with transaction.atomic():
            for question in self.questions:
                value = self.cleaned_data.get(field_name(question))
                answer, _created = Answer.objects.get_or_create(reply=reply, question=question)
                if question.has_choices:
                    codes = [value] if isinstance(value, str) and value else list(value or [])
                    answer.choices.set(question.choices.filter(code__in=codes))
                elif question.answer_type == AnswerType.NUMBER:
                    answer.number = value
                else:
                    answer.text = value or ""
                answer.save()


class RespondentForm(forms.ModelForm):
    """Who the reply is from: staff enter replies for any state, territory or organization."""

    class Meta:
        model = Reply
        fields = ["respondent_kind", "state", "respondent_name", "received_on", "source", "source_locator"]
        widgets = {"received_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, questionnaire, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.questionnaire = questionnaire
        self.fields["state"].queryset = State.objects.all()
        self.fields["state"].iterator = ByName

    def clean(self):
        cleaned = super().clean()
        kind, state, name = (
            cleaned.get("respondent_kind"),
            cleaned.get("state"),
            cleaned.get("respondent_name"),
        )
        replies = Reply.objects.filter(questionnaire=self.instance.questionnaire).exclude(pk=self.instance.pk)
        if (
            kind == RespondentKind.STATE
            and state
            and replies.filter(respondent_kind=kind, state=state).exists()
        ):
            raise forms.ValidationError(_("This state has replied already: change its reply."))
        if (
            kind
            and kind != RespondentKind.STATE
            and name
            and replies.exclude(respondent_kind=RespondentKind.STATE).filter(respondent_name=name).exists()
        ):
            raise forms.ValidationError(_("This respondent has replied already: change its reply."))
        return cleaned


class CodingForm(forms.Form):
    """The analysis codes staff assign to one text answer."""

    codes = forms.MultipleChoiceField(
        label=_("Analysis codes"), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, question, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["codes"].choices = [(c.code, c.label(language).text) for c in question.codes.all()]
