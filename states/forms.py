from django import forms
from django.utils.translation import gettext_lazy as _

from ctassist.collation import sorted_by_name
from states.models import Area, RegionalGroup


class StateFilterForm(forms.Form):
    region = forms.ChoiceField(label=_("M49 region"), required=False)
    subregion = forms.ChoiceField(label=_("M49 subregion"), required=False)
    group = forms.ChoiceField(
        label=_("UN regional group"),
        required=False,
        choices=[("", _("All groups")), *RegionalGroup.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        areas = sorted_by_name(Area.objects.all())
        self.fields["region"].choices = [("", _("All regions"))] + [
            (area.code, area.name()) for area in areas if area.level == Area.Level.REGION
        ]
        self.fields["subregion"].choices = [("", _("All subregions"))] + [
            (area.code, area.name()) for area in areas if area.level != Area.Level.REGION
        ]

    def filter(self, queryset):
        if not self.is_bound:
            return queryset
        if not self.is_valid():
            return queryset.none()
        for name in ("region", "subregion"):
            if self.cleaned_data[name]:
                queryset = queryset.in_area(self.cleaned_data[name])
        if self.cleaned_data["group"]:
            queryset = queryset.in_group(self.cleaned_data["group"])
        return queryset
