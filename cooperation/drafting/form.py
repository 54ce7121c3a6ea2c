"""The request writer's form: one page, sections in the order a requested state reads them.

Nothing but the two states and the kind is required: a draft may be saved incomplete, and
the page lists what is still missing (checklist.missing_items)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cooperation.drafting.checklist import AssistanceSought, Assurance, Purpose
from cooperation.models import RequestDraft
from cooperation.offences import OFFENCES
from ctassist.collation import ByName
from ctassist.languages import UN_LANGUAGES, data_language, language_name

# The form's fields kept in RequestDraft.answers (the rest are the draft's own columns).
ANSWER_FIELDS = (
    "requesting_authority",
    "reference",
    "contact",
    "facts",
    "offence_law",
    "penalty",
    "legal_basis",
    "assistance",
    "assistance_details",
    "purpose",
    "warrant",
    "sentence_remaining",
    "death_penalty_possible",
    "persons",
    "assurances",
    "confidential",
    "urgent",
    "urgency_reason",
    "respond_by",
)


def _text(label, rows=3, help_text=""):
    return forms.CharField(
        label=label, required=False, help_text=help_text, widget=forms.Textarea(attrs={"rows": rows})
    )


class DraftForm(forms.ModelForm):
    requesting_authority = _text(_("Requesting authority: name and address"))
    reference = forms.CharField(label=_("Your reference"), required=False, max_length=200)
    contact = _text(_("Officer in charge: name, telephone, e-mail"), rows=2)
    facts = _text(
        _("Summary of the facts"),
        rows=6,
        help_text=_("What happened, when and where, and how the persons concerned are involved."),
    )
    offence_law = _text(_("Text of the law that defines the offence"), rows=4)
    penalty = _text(_("Penalty the law provides"), rows=2)
    legal_basis = _text(
        _("Legal basis"),
        rows=5,
        help_text=_("Prefilled from the legal-basis finder; add any other treaty or arrangement."),
    )
    assistance = forms.MultipleChoiceField(
        label=_("Assistance sought"),
        choices=AssistanceSought.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    assistance_details = _text(_("What is to be done, where, and how it relates to the facts"), rows=4)
    purpose = forms.ChoiceField(
        label=_("Extradition is sought"),
        choices=[("", "—"), *Purpose.choices],
        required=False,
    )
    warrant = _text(_("Warrant of arrest or judgment: authority, date, reference"), rows=2)
    sentence_remaining = forms.CharField(
        label=_("Sentence remaining to be served"), required=False, max_length=200
    )
    death_penalty_possible = forms.BooleanField(
        label=_("The offence is punishable by death in the requesting State"), required=False
    )
    persons = _text(
        _("Persons concerned"),
        rows=4,
        help_text=_(
            "Names, nationality, date and place of birth, identity documents, description, whereabouts."
        ),
    )
    assurances = forms.MultipleChoiceField(
        label=_("Assurances given"),
        choices=Assurance.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    confidential = forms.BooleanField(label=_("Ask that the request be kept confidential"), required=False)
    urgent = forms.BooleanField(label=_("The request is urgent"), required=False)
    urgency_reason = _text(_("Why it is urgent"), rows=2)
    respond_by = forms.DateField(
        label=_("Execute by"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    class Meta:
        model = RequestDraft
        fields = [
            "kind",
            "language",
            "requesting_state",
            "requested_state",
            "offence",
            "on",
            "shared_with_state_staff",
        ]
        labels = {
            "language": _("Language of the document"),
            "on": _("Date of the legal basis"),
        }
        widgets = {"on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("requesting_state", "requested_state"):
            self.fields[name].to_field_name = "iso3"  # states are named by ISO3 everywhere
            self.fields[name].iterator = ByName
            self.fields[name].queryset = self.fields[name].queryset  # refills the choices, by name
        self.fields["language"] = forms.ChoiceField(
            label=_("Language of the document"),
            choices=[(code, language_name(code)) for code in UN_LANGUAGES],
        )
        self.fields["offence"] = forms.ChoiceField(
            label=_("Offence"),
            choices=[("", "—"), *((offence.code, offence.label) for offence in OFFENCES)],
            required=False,
        )
        if self.instance.pk:
            for name in ANSWER_FIELDS:
                if name in self.instance.answers:
                    self.initial[name] = self.instance.answers[name]

    def clean(self):
        cleaned = super().clean()
        requesting, requested = cleaned.get("requesting_state"), cleaned.get("requested_state")
        if requesting and requested and requesting == requested:
            self.add_error("requested_state", _("The requested State must differ from the requesting State."))
        return cleaned

    def save(self, commit=True):
        draft = super().save(commit=False)
        answers = {}
        for name in ANSWER_FIELDS:
            value = self.cleaned_data.get(name)
            answers[name] = value.isoformat() if hasattr(value, "isoformat") else value
        # The language the finder's text was prefilled in: documents in other languages then
        # get the finder's text in theirs, as long as the user left it as prefilled.
        answers["legal_basis_language"] = data_language()
        draft.answers = answers
        if commit:
            draft.save()
        return draft
