"""The forms of international cooperation: a competent authority's entry."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cooperation.directory import bad_language_codes, parse_language_codes
from cooperation.models import Authority, Channel
from ctassist.languages import UN_LANGUAGES, data_language


def _name_field_key(language: str) -> str:
    return f"name_{language}"


class AuthorityForm(forms.ModelForm):
    """An entry as its state's focal point keeps it: names in the six languages (and any other
    the state gives), contacts public and restricted, requirements, and a confirmation."""

    other_names = forms.CharField(
        label=_("Names in other languages"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line: the language code, a colon, the name (de: Bundesamt für Justiz)."),
    )
    languages_text = forms.CharField(
        label=_("Languages in which requests are accepted"),
        required=False,
        help_text=_("Language codes separated by commas, e.g. en, fr, ar."),
    )
    channels = forms.MultipleChoiceField(
        label=_("Channels"), choices=Channel.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    confirm_now = forms.BooleanField(
        label=_("I confirm that this entry is current today"), required=False, initial=True
    )

    class Meta:
        model = Authority
        fields = [
            "kind",
            "address",
            "public_telephone",
            "public_email",
            "direct_telephone",
            "direct_email",
            "channels",
            "requirements",
            "requirements_restricted",
            "convention_as_legal_basis",
            "time_limits",
            "source",
        ]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "requirements": forms.Textarea(attrs={"rows": 4}),
            "time_limits": forms.Textarea(attrs={"rows": 2}),
            "source": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        native = {data_language(code): name for code, name in settings.LANGUAGES}
        names = self.instance.names or {}
        for language in reversed(UN_LANGUAGES):
            field = forms.CharField(label=f"{_('Name')} ({native[language]})", required=False, max_length=500)
            field.initial = names.get(language, "")
            self.fields = {_name_field_key(language): field, **self.fields}
        self.fields["other_names"].initial = "\n".join(
            f"{code}: {name}" for code, name in names.items() if code not in UN_LANGUAGES
        )
        self.fields["languages_text"].initial = ", ".join(self.instance.languages_accepted or [])
        self.fields["channels"].initial = self.instance.channels or []

    def clean_other_names(self):
        names = {}
        for line in self.cleaned_data["other_names"].splitlines():
            if not line.strip():
                continue
            code, colon, name = line.partition(":")
            code = code.strip().lower()
            if not colon or not name.strip() or bad_language_codes([code]):
                raise forms.ValidationError(
                    _("Write each name as a language code, a colon and the name: %(line)s"),
                    params={"line": line.strip()},
                )
            names[code] = name.strip()
        return names

    def clean_languages_text(self):
        codes = parse_language_codes(self.cleaned_data["languages_text"])
        bad = bad_language_codes(codes)
        if bad:
            raise forms.ValidationError(
                _("Not a language code: %(codes)s."), params={"codes": ", ".join(bad)}
            )
        return codes

    def clean(self):
        cleaned = super().clean()
        names = {
            language: cleaned.get(_name_field_key(language), "").strip()
            for language in UN_LANGUAGES
            if cleaned.get(_name_field_key(language), "").strip()
        }
        names.update(cleaned.get("other_names") or {})
        self.instance.names = names
        self.instance.languages_accepted = cleaned.get("languages_text") or []
        return cleaned
