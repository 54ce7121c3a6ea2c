from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.models import Finding
from ctassist.collation import ByName
from instruments.models import Instrument
from legislation.forms import LANGUAGES
from legislation.models import Provision
from states.models import State


class ProvisionsField(forms.MultipleChoiceField):
    """Provisions ticked in the lists of the review page (linked, suggested, found by a search).

    The page renders the boxes itself, a few per finding: a state may have thousands of
    provisions, which no widget should list. Whether they are the state's is checked by the form."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[int]:
        try:
            return [int(part) for part in super().to_python(value)]
        except ValueError:
            raise forms.ValidationError(_("Choose the provisions from the lists."), code="invalid") from None

    def valid_value(self, value) -> bool:
        return True


class FindingForm(forms.ModelForm):
    provisions = ProvisionsField(label=_("Implementing provisions"), required=False)

    class Meta:
        model = Finding
        fields = ["status", "reasoning", "recommendation", "suggested_wording"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 2})
            for name in ("reasoning", "recommendation", "suggested_wording")
        }

    def __init__(self, *args, state, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["provisions"] = [provision.id for provision in self.instance.provisions.all()]

    def clean_provisions(self) -> list[Provision]:
        ids = set(self.cleaned_data["provisions"])
        provisions = list(Provision.objects.filter(id__in=ids, version__law__state=self.state))
        if len(provisions) != len(ids):
            raise forms.ValidationError(
                _("Some of these provisions are not laws of %(state)s.") % {"state": self.state.name()}
            )
        return provisions

    def save(self, commit: bool = True) -> Finding:
        finding = super().save(commit=commit)
        if commit:
            finding.provisions.set(self.cleaned_data["provisions"])
        return finding


class ProvisionSearchForm(forms.Form):
    """Search the state's provisions by number ("83.02(1)", "第一百二十条") or by words."""

    q = forms.CharField(label=_("Find a provision"), max_length=200, required=False)


class StartReviewForm(forms.Form):
    state = forms.ModelChoiceField(
        label=_("State"), queryset=State.objects.all(), to_field_name="iso3", empty_label=None
    )
    instrument = forms.ModelChoiceField(
        label=_("Instrument"),
        queryset=Instrument.objects.with_titles(),
        to_field_name="slug",
        empty_label=None,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].iterator = ByName
        self.fields["state"].label_from_instance = lambda state: state.name()
        self.fields["instrument"].label_from_instance = lambda instrument: instrument.display_title()


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class QuickCheckForm(forms.Form):
    file = forms.FileField(
        label=_("Draft law"),
        help_text=_("Plain text or Markdown (UTF-8), DOCX, PDF with a text layer, or Akoma Ntoso XML."),
    )
    language = forms.ChoiceField(label=_("Language of the text"), choices=LANGUAGES)
