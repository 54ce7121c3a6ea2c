"""Form fields for the Strategy's vocabulary: a record's pillars and thematic areas (JSON
lists) as boxes to tick. Used by the admin here and by the apps that tag their records."""

from django import forms
from django.utils.translation import gettext_lazy as _

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
