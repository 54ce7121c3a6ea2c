"""Public pages of the Global Counter-Terrorism Strategy: its pillars, the thematic areas and
the pillars ctassist counts them under, the UN entities, and the entities' projects with the
summary table by pillar, region and status (68/276 op. 4)."""

from django.shortcuts import render

from accounts.access import visible
from ctassist.demonstration import mark_demonstration
from strategy.forms import EntityProjectFilterForm
from strategy.models import EntityProject, ProjectStatus, UNEntity
from strategy.themes import PILLARS_OF_AREA, StrategyPillar, ThematicArea, pillar_labels


def index(request):
    areas = [(area.label, pillar_labels(PILLARS_OF_AREA.get(area, ()))) for area in ThematicArea]
    entities = visible(request.user, UNEntity.objects.prefetch_related("names"))
    return render(
        request,
        "strategy/index.html",
        {"pillars": StrategyPillar, "areas": areas, "entities": entities},
    )


def project_list(request):
    form = EntityProjectFilterForm(request.GET or None)
    projects = visible(request.user, EntityProject.objects.all()).filtered(**form.criteria())
    projects = projects.for_listing()
    mark_demonstration(request, projects)
    context = {
        "form": form,
        "projects": projects,
        "summary": projects.summary(),
        "statuses": ProjectStatus,
        "has_demonstration": any(project.demonstration for project in projects),
    }
    return render(request, "strategy/projects.html", context, status=400 if form.errors else 200)
