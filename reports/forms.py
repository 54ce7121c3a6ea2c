"""The forms of the report drafts: a new draft, and the prose of its sections."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ctassist.languages import UN_LANGUAGES, language_name
from reports.models import ReportDraft, Resolution


class NewDraftForm(forms.ModelForm):
    class Meta:
        model = ReportDraft
        fields = ["resolution", "start", "end", "language", "internal"]
        widgets = {
            "start": forms.DateInput(attrs={"type": "date"}),
            "end": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resolution"].queryset = Resolution.objects.all()
        self.fields["language"].choices = [(code, language_name(code)) for code in UN_LANGUAGES]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The period begins after it ends."))
        return cleaned


class ProseForm(forms.Form):
    """One text field per section of the draft, and its title."""

    title = forms.CharField(label=_("Title"), max_length=300)

    def __init__(self, *args, draft, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = list(draft.sections.all())
        self.fields["title"].initial = draft.title
        for section in self.sections:
            self.fields[f"section-{section.key}"] = forms.CharField(
                label=section.heading,
                required=False,
                initial=section.text,
                widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
            )

    def texts(self) -> dict[str, str]:
        return {section.key: self.cleaned_data[f"section-{section.key}"] for section in self.sections}
