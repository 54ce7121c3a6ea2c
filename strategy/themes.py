"""The vocabulary of the United Nations Global Counter-Terrorism Strategy (A/RES/60/288):
its four pillars, and the thematic areas that the resolutions name (68/276 op. 2, 4, 30, 35),
with the pillar or pillars under which ctassist counts each area.

The Strategy does not classify the thematic areas; the mapping below is ctassist's reading
of the plan of action annexed to 60/288, shown to readers as such (docs/strategy.md)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class StrategyPillar(models.TextChoices):
    """The four pillars of the United Nations Global Counter-Terrorism Strategy (A/RES/60/288)."""

    CONDITIONS = "I", _("I. Conditions conducive to the spread of terrorism")
    PREVENT = "II", _("II. Preventing and combating terrorism")
    CAPACITY = "III", _("III. Building States' capacity and the role of the United Nations system")
    HUMAN_RIGHTS = "IV", _("IV. Human rights and the rule of law")


class ThematicArea(models.TextChoices):
    LEGISLATION = "legislation", _("legislation")
    CRIMINAL_JUSTICE = "criminal-justice", _("criminal justice")
    FOREIGN_TERRORIST_FIGHTERS = "foreign-terrorist-fighters", _("foreign terrorist fighters")
    FINANCING = "financing", _("financing of terrorism")
    NUCLEAR = "nuclear", _("nuclear terrorism")
    INTERNET = "internet", _("use of the internet")
    VICTIMS = "victims", _("victims")
    CHILDREN = "children", _("children")
    GENDER = "gender", _("gender")
    CULTURAL_HERITAGE = "cultural-heritage", _("cultural heritage")
    BORDER_MANAGEMENT = "border-management", _("border management")
    INTERNATIONAL_COOPERATION = "international-cooperation", _("international cooperation")


P = StrategyPillar
# Pillar I names the victims and the conditions (education, culture, gender among them);
# pillar II the measures against financing, weapons of mass destruction, the internet and
# borders; pillar III building states' capacity (legislation, criminal justice, cooperation);
# pillar IV human rights and the rule of law, which children's and victims' rights touch too.
PILLARS_OF_AREA: dict[str, tuple[str, ...]] = {
    ThematicArea.LEGISLATION: (P.CAPACITY, P.HUMAN_RIGHTS),
    ThematicArea.CRIMINAL_JUSTICE: (P.CAPACITY, P.HUMAN_RIGHTS),
    ThematicArea.FOREIGN_TERRORIST_FIGHTERS: (P.PREVENT,),
    ThematicArea.FINANCING: (P.PREVENT,),
    ThematicArea.NUCLEAR: (P.PREVENT,),
    ThematicArea.INTERNET: (P.PREVENT,),
    ThematicArea.VICTIMS: (P.CONDITIONS, P.HUMAN_RIGHTS),
    ThematicArea.CHILDREN: (P.CONDITIONS, P.HUMAN_RIGHTS),
    ThematicArea.GENDER: (P.CONDITIONS, P.HUMAN_RIGHTS),
    ThematicArea.CULTURAL_HERITAGE: (P.CONDITIONS,),
    ThematicArea.BORDER_MANAGEMENT: (P.PREVENT,),
    ThematicArea.INTERNATIONAL_COOPERATION: (P.CAPACITY,),
}


def pillars_of(areas) -> list[str]:
    """The pillars, in the Strategy's order, under which records of these thematic areas count."""
    found = {pillar for area in areas for pillar in PILLARS_OF_AREA.get(area, ())}
    return [pillar for pillar in StrategyPillar.values if pillar in found]


def _check_values(values, allowed, field: str, message: str) -> None:
    if not isinstance(values, list):
        raise ValidationError({field: _("Give a list of codes.")})
    unknown = [str(value) for value in values if value not in allowed]
    if unknown:
        raise ValidationError({field: message % {"codes": ", ".join(unknown)}})


def check_thematic_areas(areas, field: str = "thematic_areas") -> None:
    """Refuse a list of thematic areas with one the Strategy's vocabulary lacks."""
    _check_values(
        areas,
        ThematicArea.values,
        field,
        _("Unknown thematic areas: %(codes)s"),
    )


def check_pillars(pillars, field: str = "pillars") -> None:
    """Refuse a list of pillars with one that is not I, II, III or IV."""
    _check_values(
        pillars,
        StrategyPillar.values,
        field,
        _("Unknown pillars of the Strategy: %(codes)s (the pillars are I, II, III and IV)"),
    )


def pillar_labels(pillars) -> list[str]:
    """The pillars' names in the reader's language, in the Strategy's order."""
    return [StrategyPillar(p).label for p in StrategyPillar.values if p in pillars]


def area_labels(areas) -> list[str]:
    """The thematic areas' names in the reader's language; an unknown code shown as it is."""
    names = dict(ThematicArea.choices)
    return [names.get(area, area) for area in areas]
