from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.models import Finding
from legislation.forms import LANGUAGES


class FindingForm(forms.ModelForm):
    provision_ids = forms.CharField(
        label=_("Implementing provisions"),
        required=False,
        help_text=_("Identifiers of the provisions, separated by commas (the suggestions show them)."),
    )

    class Meta:
        model = Finding
        fields = ["status", "reasoning", "recommendation", "suggested_wording"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 2})
            for name in ("reasoning", "recommendation", "suggested_wording")
        }

    def clean_provision_ids(self):
        raw = self.cleaned_data["provision_ids"]
        try:
            return [int(part) for part in raw.replace(" ", "").split(",") if part]
        except ValueError:
            raise forms.ValidationError(
                _("Give provision identifiers as numbers separated by commas.")
            ) from None


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class QuickCheckForm(forms.Form):
    file = forms.FileField(
        label=_("Draft law"),
        help_text=_("Plain text or Markdown (UTF-8), DOCX, PDF with a text layer, or Akoma Ntoso XML."),
    )
    language = forms.ChoiceField(label=_("Language of the text"), choices=LANGUAGES)
