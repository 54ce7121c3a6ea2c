"""The Global Counter-Terrorism Strategy: the UN entities' counter-terrorism projects and their
summary table by pillar, region and status (68/276 op. 4). Public reference data."""

import datetime
from decimal import Decimal

from django.utils.translation import get_language
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from accounts.access import visible
from ctassist.languages import UN_LANGUAGES, data_language
from strategy.models import EntityProject, ProjectStatus
from strategy.themes import StrategyPillar, ThematicArea

router = Router(tags=["strategy"])


class Named(Schema):
    code: str
    name: str
    name_language: str = Field(description="the language the name is in: the one asked, else en")


class EntityProjectOut(Schema):
    id: int
    title: str
    entity: Named = Field(description="the UN entity, by its ctassist code (e.g. unodc)")
    pillars: list[str] = Field(description="pillars named by the record: I, II, III, IV")
    counted_pillars: list[str] = Field(
        description="the pillars it counts under: those named and those of its thematic areas "
        "(ctassist's reading of the Strategy)"
    )
    thematic_areas: list[str]
    regions: list[Named] = Field(description="M49 areas named by the project")
    states: list[str] = Field(description="ISO3 codes of the states it works in")
    status: str = Field(description="planned, ongoing or completed")
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    budget: Decimal | None = Field(description="amount in `currency`, as a string")
    currency: str
    source: str = Field(description="citation: source key and locator; empty for generated records")
    demonstration: bool = Field(description="true for generated demonstration records")


class SummaryRowOut(Schema):
    pillar: str
    region: str | None = Field(description="M49 code; null for projects with neither region nor state")
    region_name: str | None
    by_status: dict[str, int] = Field(description="number of projects per status")
    total: int


class SummaryOut(Schema):
    projects: int = Field(description="number of projects counted (each once)")
    rows: list[SummaryRowOut]
    demonstration: bool = Field(description="true when generated demonstration records are counted")


class Filters(Schema):
    pillar: str = Field("", description="I, II, III or IV")
    region: str = Field("", description="M49 code of a region or subregion")
    status: str = Field("", description="planned, ongoing or completed")
    entity: str = Field("", description="code of a UN entity, e.g. unodc")
    language: str = Field("", description="ar, zh, en, fr, ru or es; default: the request's language")


def _checked(filters: Filters) -> str:
    if filters.pillar and filters.pillar not in StrategyPillar.values:
        raise HttpError(400, f"Unknown pillar {filters.pillar!r}: use I, II, III or IV.")
    if filters.status and filters.status not in ProjectStatus.values:
        raise HttpError(400, f"Unknown status {filters.status!r}: use planned, ongoing or completed.")
    if filters.language and filters.language not in UN_LANGUAGES:
        raise HttpError(400, f"Unknown language {filters.language!r}: use one of {', '.join(UN_LANGUAGES)}.")
    return filters.language or data_language(get_language())


def _projects(request, filters: Filters):
    return visible(request.user, EntityProject.objects.all()).filtered(
        pillar=filters.pillar, region=filters.region, status=filters.status, entity=filters.entity
    )


def project_out(project: EntityProject, language: str) -> dict:
    name = project.entity.name(language)
    return {
        "id": project.id,
        "title": project.title,
        "entity": {"code": project.entity.code, "name": name.text, "name_language": name.language},
        "pillars": project.pillars,
        "counted_pillars": project.counted_pillars(),
        "thematic_areas": [area for area in project.thematic_areas if area in ThematicArea.values],
        "regions": [
            {"code": area.code, "name": area.name(language), "name_language": area.name_language(language)}
            for area in project.regions.all()
        ],
        "states": [state.iso3 for state in project.states.all()],
        "status": project.status,
        "starts_on": project.starts_on,
        "ends_on": project.ends_on,
        "budget": project.budget,
        "currency": project.currency,
        "source": project.source,
        "demonstration": project.demonstration,
    }


@router.get(
    "/strategy/projects",
    response=list[EntityProjectOut],
    summary="The UN entities' counter-terrorism projects",
)
def list_entity_projects(request, filters: Query[Filters]):
    language = _checked(filters)
    projects = _projects(request, filters).for_listing()
    return [project_out(project, language) for project in projects]


@router.get(
    "/strategy/summary",
    response=SummaryOut,
    summary="The projects by pillar, region and status (68/276 op. 4)",
)
def get_summary(request, filters: Query[Filters]):
    language = _checked(filters)
    projects = _projects(request, filters)
    summary = projects.summary()
    rows = [
        {
            "pillar": row["pillar"].value,
            "region": row["region"].code if row["region"] is not None else None,
            "region_name": row["region"].name(language) if row["region"] is not None else None,
            "by_status": row["by_status"],
            "total": row["total"],
        }
        for row in summary.rows()
    ]
    return {
        "projects": summary.projects,
        "rows": rows,
        "demonstration": projects.filter(demonstration=True).exists(),
    }
