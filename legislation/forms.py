from django import forms
from django.utils.translation import gettext_lazy as _

from ctassist.collation import ByName
from legislation.converters import MAX_UPLOAD_BYTES
from legislation.document import ParsedLaw, ParsedProvision
from legislation.models import LawKind
from states.forms import StateFilterForm
from states.models import State

# The languages of the shipped laws, named in the reader's language ("法语" on a Chinese
# page): a filter is read, not chosen by a speaker of each language as the switcher is.
LANGUAGES = [
    ("zh", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("de", _("German")),
]


class LawFilterForm(forms.Form):
    state = forms.CharField(label=_("State (ISO3)"), required=False, max_length=3)
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("All languages")), *LANGUAGES]
    )
    kind = forms.ChoiceField(
        label=_("Kind of law"), required=False, choices=[("", _("All kinds")), *LawKind.choices]
    )

    def filter(self, queryset):
        if not self.is_bound:
            return queryset
        if not self.is_valid():
            return queryset.none()
        if self.cleaned_data["state"]:
            queryset = queryset.filter(state__iso3=self.cleaned_data["state"].upper())
        if self.cleaned_data["language"]:
            queryset = queryset.filter(language=self.cleaned_data["language"])
        if self.cleaned_data["kind"]:
            queryset = queryset.filter(kind=self.cleaned_data["kind"])
        return queryset


class SearchForm(StateFilterForm):
    q = forms.CharField(label=_("Words"), max_length=200)
    state = forms.CharField(label=_("State (ISO3)"), required=False, max_length=3)
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("All languages")), *LANGUAGES]
    )
    kind = forms.ChoiceField(
        label=_("Kind of law"), required=False, choices=[("", _("All kinds")), *LawKind.choices]
    )
    in_force_on = forms.DateField(
        label=_("In force on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    field_order = ["q", "state", "region", "subregion", "language", "kind", "in_force_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["group"]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Law file"),
        help_text=_("Plain text or Markdown (UTF-8), DOCX, PDF with a text layer, or Akoma Ntoso XML."),
    )
    state = forms.ModelChoiceField(label=_("State"), queryset=State.objects.all(), to_field_name="iso3")
    state.iterator = ByName  # states in the order of their names in the page's language
    language = forms.ChoiceField(label=_("Language of the text"), choices=LANGUAGES)
    kind = forms.ChoiceField(label=_("Kind of law"), choices=LawKind.choices)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file has %(size)d bytes; the limit is %(limit)d.")
                % {"size": upload.size, "limit": MAX_UPLOAD_BYTES}
            )
        return upload


class LawDetailsForm(forms.Form):
    title = forms.CharField(label=_("Title in the original language"), max_length=500)
    number = forms.CharField(label=_("Number"), max_length=200, required=False)
    version_date = forms.DateField(
        label=_("Date of this text"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    source = forms.CharField(label=_("Source"), widget=forms.Textarea(attrs={"rows": 2}))
    publish = forms.BooleanField(label=_("Publish on the public site"), required=False)


class ProvisionForm(forms.Form):
    depth = forms.IntegerField(min_value=0, max_value=8, widget=forms.HiddenInput)
    kind = forms.CharField(max_length=16, widget=forms.HiddenInput)
    eid = forms.CharField(max_length=300, widget=forms.HiddenInput)
    number = forms.CharField(label=_("Number"), max_length=120, required=False)
    heading = forms.CharField(label=_("Heading"), required=False)
    text = forms.CharField(label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


ProvisionFormSet = forms.formset_factory(ProvisionForm, extra=0, max_num=20000, validate_max=True)

PROVISION_FIELDS = ("kind", "eid", "number", "heading", "text")


def preview_rows(parsed: ParsedLaw) -> list[dict]:
    """The initial data of the preview's formset: a form per provision, with its depth."""
    return [
        {"depth": row.depth, **{name: getattr(row.provision, name) for name in PROVISION_FIELDS}}
        for row in parsed.rows()
    ]


def previewed_law(formset) -> ParsedLaw:
    """The law as the staff corrected it in the preview."""
    rows = [form.cleaned_data for form in formset.forms if form.cleaned_data]
    return ParsedLaw.from_rows(
        (row["depth"], ParsedProvision(**{name: row[name] for name in PROVISION_FIELDS})) for row in rows
    )
