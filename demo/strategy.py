"""Demonstration counter-terrorism projects of the UN entities (strategy), and the Strategy's
pillars and thematic areas on the demonstration projects of ctassist.

ctassist ships no list of the entities' projects (none was found that could be cited), so
the summary table of 68/276 op. 4 shows these generated ones to try it; every record has
`demonstration=True`, its title says so, and the pages label it."""

import datetime
import random
from decimal import Decimal

from projects.models import Project
from strategy.models import EntityProject, ProjectStatus, UNEntity
from strategy.themes import StrategyPillar, ThematicArea

MARK = "(demonstration)"
TOPICS = {
    ThematicArea.LEGISLATION: "Legislative drafting support",
    ThematicArea.CRIMINAL_JUSTICE: "Criminal justice responses to terrorism",
    ThematicArea.FOREIGN_TERRORIST_FIGHTERS: "Foreign terrorist fighters: border and travel measures",
    ThematicArea.FINANCING: "Countering the financing of terrorism",
    ThematicArea.NUCLEAR: "Preventing nuclear terrorism",
    ThematicArea.INTERNET: "Countering the use of the internet for terrorist purposes",
    ThematicArea.VICTIMS: "Support to victims of terrorism",
    ThematicArea.CHILDREN: "Children affected by terrorism",
    ThematicArea.GENDER: "Gender in counter-terrorism",
    ThematicArea.CULTURAL_HERITAGE: "Protecting cultural heritage from terrorism",
    ThematicArea.BORDER_MANAGEMENT: "Border management and law enforcement",
    ThematicArea.INTERNATIONAL_COOPERATION: "International cooperation in criminal matters",
}


def exist() -> bool:
    return EntityProject.objects.filter(demonstration=True).exists()


def create(
    rng: random.Random, projects: list, regions: list, states: list, today: datetime.date, counts
) -> None:
    """Tag the generated ctassist projects with thematic areas (and now and then a pillar),
    and write generated projects for the loaded entities; add their number to `counts`."""
    areas = list(ThematicArea)
    for project in projects:
        project.thematic_areas = sorted(rng.sample(areas, rng.randint(1, 2)))
        project.pillars = [rng.choice(StrategyPillar.values)] if rng.random() < 0.3 else []
    Project.objects.bulk_update(projects, ["thematic_areas", "pillars"])
    entities = list(UNEntity.objects.order_by("code"))
    if not entities:
        return
    made = 0
    for index in range(max(12, len(projects) * 2)):
        area = rng.choice(areas)
        starts = today - datetime.timedelta(days=rng.randint(-365, 5 * 365))
        ends = starts + datetime.timedelta(days=rng.randint(1, 4) * 365)
        status = (
            ProjectStatus.PLANNED
            if starts > today
            else ProjectStatus.COMPLETED
            if ends < today
            else ProjectStatus.ONGOING
        )
        record = EntityProject.objects.create(
            entity=rng.choice(entities),
            title=f"{TOPICS[area]} {index + 1} {MARK}",
            thematic_areas=[area],
            pillars=[rng.choice(StrategyPillar.values)] if rng.random() < 0.25 else [],
            status=status,
            starts_on=starts,
            ends_on=ends,
            budget=Decimal(rng.randrange(100, 3000) * 1000) if rng.random() < 0.7 else None,
            source="",
            demonstration=True,
        )
        if rng.random() < 0.2:
            pass  # a global project: neither region nor state
        elif rng.random() < 0.6:
            record.regions.set(rng.sample(regions, rng.randint(1, 2)))
        else:
            record.states.set(rng.sample(states, rng.randint(1, 4)))
        made += 1
    counts.add("entities' counter-terrorism projects", made)


def clear() -> int:
    """Delete the generated entities' projects (the ctassist projects go with theirs)."""
    doomed = EntityProject.objects.filter(demonstration=True)
    number = doomed.count()
    for project in doomed:
        project.regions.clear()
        project.states.clear()
    doomed.delete()
    return number
