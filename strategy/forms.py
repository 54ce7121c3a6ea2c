"""Form fields for the Strategy's vocabulary: a record's pillars and thematic areas (JSON
lists) as boxes to tick. Used by the admin here and by the apps that tag their records."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ctassist.collation import ByName, sort_key
from ctassist.widgets import LanguageMarkedSelect, OptionLabel
from states.models import Area
from strategy.models import ProjectStatus, UNEntity
from strategy.themes import StrategyPillar, ThematicArea


class ThematicAreasField(forms.MultipleChoiceField):
    """The thematic areas of a record (a JSON list) as boxes to tick."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Thematic areas"))
        super().__init__(
            choices=ThematicArea.choices, required=False, widget=forms.CheckboxSelectMultiple, **kwargs
        )


class PillarsField(forms.MultipleChoiceField):
    """The pillars of the Strategy a record names (a JSON list) as boxes to tick."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Pillars of the Strategy"))
        super().__init__(
            choices=StrategyPillar.choices, required=False, widget=forms.CheckboxSelectMultiple, **kwargs
        )


class EntityProjectFilterForm(forms.Form):
    """The filters of the entities' projects: pillar, region, status, entity."""

    pillar = forms.ChoiceField(
        label=_("Pillar"), required=False, choices=[("", _("All pillars")), *StrategyPillar.choices]
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Area.objects.filter(level=Area.Level.REGION),
        to_field_name="code",
        required=False,
        empty_label=_("All regions"),
    )
    region.iterator = ByName
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *ProjectStatus.choices]
    )
    entity = forms.ChoiceField(label=_("Entity"), required=False, widget=LanguageMarkedSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        entities = UNEntity.objects.prefetch_related("names")
        choices = sorted(
            ((e.code, OptionLabel.of(e.name())) for e in entities), key=lambda c: sort_key()(c[1].text)
        )
        self.fields["entity"].choices = [("", _("All entities")), *choices]

    def criteria(self) -> dict:
        """The filters as EntityProjectQuerySet.filtered takes them (empty when invalid)."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "pillar": data["pillar"],
            "region": data["region"].code if data["region"] else "",
            "status": data["status"],
            "entity": data["entity"],
        }
