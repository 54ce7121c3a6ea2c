"""Pages of projects (F6): staff see every project, a donor's representatives what it funds."""

from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from accounts.access import Action, check, visible
from ctassist.demonstration import mark_demonstration
from projects.models import Project


def project_list(request):
    projects = (
        visible(request.user, Project.objects.all())
        .prefetch_related("regions", "donors")
        .annotate(activity_count=Count("activities", distinct=True))
        .order_by("code")  # an aggregate query ignores Meta.ordering
    )
    mark_demonstration(request, projects)
    return render(request, "projects/list.html", {"projects": projects})


def project_detail(request, project_id):
    project = get_object_or_404(Project.objects.prefetch_related("regions", "donors"), id=project_id)
    check(request.user, Action.VIEW, project)
    activities = visible(request.user, project.activities.all()).select_related("host_state")
    mark_demonstration(request, [project]) or mark_demonstration(request, activities)
    return render(
        request,
        "projects/detail.html",
        {"project": project, "activities": activities, "totals": activities.participant_totals()},
    )
