from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.models import Review
from assistance.models import Activity
from ctassist.collation import sorted_by_name
from experts.models import Expert, LegalSystem
from instruments.models import Instrument
from states.models import Area


def area_tree() -> list[tuple[str, str]]:
    """M49 areas as a tree: each region, then the areas inside it, indented."""
    children: dict[int | None, list[Area]] = {}
    for area in Area.objects.all():
        children.setdefault(area.parent_id, []).append(area)
    choices = []

    def walk(parent_id, depth):
        for area in sorted_by_name(children.get(parent_id, [])):
            # En spaces: browsers keep them in an option, unlike plain spaces.
            choices.append((area.code, "\u2002\u2002" * depth + area.name()))
            walk(area.id, depth + 1)

    walk(None, 0)
    return choices


class ExpertFilterForm(forms.Form):
    region = forms.ChoiceField(label=_("Region (M49)"), required=False)
    legal_system = forms.ChoiceField(
        label=_("Legal system"), required=False, choices=[("", _("All legal systems")), *LegalSystem.choices]
    )
    language = forms.RegexField(
        label=_("Language (code, such as fr)"),
        required=False,
        regex=r"^[A-Za-z]{2,3}$",
        error_messages={"invalid": _("Give a language code of two or three letters, such as fr.")},
    )
    instrument = forms.ChoiceField(label=_("Instrument"), required=False)
    available = forms.ChoiceField(
        label=_("Available"),
        required=False,
        choices=[("", _("All")), ("yes", _("available")), ("no", _("not available"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("All regions")), *area_tree()]
        self.fields["instrument"].choices = [("", _("All instruments"))] + [
            (i.slug, i.display_title()) for i in Instrument.objects.with_titles()
        ]

    def roster_filters(self) -> dict:
        """The arguments of experts.roster.filter_roster; call after is_valid()."""
        data = self.cleaned_data
        return {
            "region": data["region"],
            "legal_system": data["legal_system"],
            "language": data["language"],
            "instrument": data["instrument"],
            "available": {"yes": True, "no": False}.get(data["available"]),
        }


class ExpertAdminForm(forms.ModelForm):
    legal_systems = forms.MultipleChoiceField(
        label=_("legal systems"),
        choices=LegalSystem.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.CharField(
        label=_("languages"),
        required=False,
        help_text=_("Language codes separated by commas, such as en, fr, ar, zh."),
    )

    class Meta:
        model = Expert
        fields = [
            "name",
            "user",
            "email",
            "nationality",
            "regions",
            "legal_systems",
            "languages",
            "instruments",
            "expertise",
            "active",
            "demonstration",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["languages"] = ", ".join(self.instance.languages)

    def clean_languages(self) -> list[str]:
        codes = [code.strip().lower() for code in self.cleaned_data["languages"].split(",") if code.strip()]
        bad = [code for code in codes if not (code.isascii() and code.isalpha() and 2 <= len(code) <= 3)]
        if bad:
            raise forms.ValidationError(
                _("Not language codes: %(codes)s. Use codes such as en, fr, ar, zh.")
                % {"codes": ", ".join(bad)}
            )
        return list(dict.fromkeys(codes))


class AssignmentForm(forms.Form):
    """Assign an expert to (or remove from) one activity or one review."""

    expert = forms.ModelChoiceField(
        label=_("Expert"), queryset=Expert.objects.all(), widget=forms.HiddenInput
    )
    activity = forms.ModelChoiceField(
        label=_("Activity number"),
        queryset=Activity.objects.all(),
        required=False,
        widget=forms.NumberInput(attrs={"min": 1}),
        error_messages={"invalid_choice": _("There is no activity with this number.")},
    )
    review = forms.ModelChoiceField(
        label=_("Review"),
        queryset=Review.objects.select_related("state", "instrument"),
        required=False,
        error_messages={"invalid_choice": _("There is no such review.")},
    )
    operation = forms.ChoiceField(choices=[("assign", _("Assign")), ("unassign", _("Remove"))])

    def clean(self):
        data = super().clean()
        if not self.errors and bool(data.get("activity")) == bool(data.get("review")):
            raise forms.ValidationError(_("Choose either an activity or a review."))
        return data
