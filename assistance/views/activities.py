"""Pages of activities (F6): the list, one activity with its participants, planning one."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import Action, can, check, may_plan_activities, visible
from assistance import participants
from assistance.forms.activities import ActivityFilterForm, ParticipantCountFormSet, PlanActivityForm
from assistance.models import Activity, AssistanceRequest
from ctassist.demonstration import mark_demonstration
from ctassist.lifecycle import move
from strategy.themes import ThematicArea

PAGE_SIZE = 100


def activity_list(request):
    form = ActivityFilterForm(request.GET or None, user=request.user)
    activities = form.filter(
        visible(request.user, Activity.objects.prefetch_related("host_state", "project"))
    ).order_by("starts_on", "title", "id")  # prefetched, not joined: a join before the sort is slow
    page = Paginator(activities, PAGE_SIZE).get_page(request.GET.get("page"))
    mark_demonstration(request, page)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "assistance/activity_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "may_plan": may_plan_activities(request.user),
        },
        status=200 if not form.is_bound or form.is_valid() else 400,
    )


def activity_detail(request, activity_id):
    activity = get_object_or_404(Activity.objects.select_related("host_state", "project"), id=activity_id)
    check(request.user, Action.VIEW, activity)
    formset = None
    if may_plan_activities(request.user):
        formset = ParticipantCountFormSet(request.POST or None, instance=activity, prefix="participants")
        if request.method == "POST" and formset.is_valid():
            with transaction.atomic():  # every row or none
                formset.save()
            return redirect("activities:detail", activity_id=activity.id)
    elif request.method == "POST":
        raise PermissionDenied(_("Only staff record participants."))
    counts = activity.participant_counts.select_related("state")
    requests = visible(request.user, activity.requests.select_related("state"))
    mark_demonstration(request, [activity, *requests])
    context = {
        "activity": activity,
        "thematic_labels": [dict(ThematicArea.choices).get(area, area) for area in activity.thematic_areas],
        "project_visible": activity.project is not None and can(request.user, Action.VIEW, activity.project),
        # Only the requests the viewer may see: a confidential one is not even counted.
        "requests": requests,
        "experts": activity.experts.all() if may_plan_activities(request.user) else None,
        "counts": counts,
        "totals": participants.for_counts(counts),
        "formset": formset,
        "moves": activity.lifecycle.moves_for(request.user, activity),
    }
    invalid = formset is not None and formset.is_bound
    return render(request, "assistance/activity_detail.html", context, status=400 if invalid else 200)


def answered_request(request):
    """The request named by ?request=<id> that a new activity answers, if the user may see it."""
    request_id = request.GET.get("request", "")
    if not request_id:
        return None
    if not request_id.isdigit():
        raise Http404(_("No such record."))
    answering = get_object_or_404(AssistanceRequest.objects.select_related("state"), id=int(request_id))
    check(request.user, Action.VIEW, answering)
    return answering


@login_required
def activity_new(request):
    if not may_plan_activities(request.user):
        raise PermissionDenied(_("Only staff plan activities."))
    answering = answered_request(request)
    form = PlanActivityForm(request.POST or None, answering=answering)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            activity = form.save()
            if answering is not None:
                activity.requests.add(answering)
        return redirect("activities:detail", activity_id=activity.id)
    return render(
        request,
        "assistance/activity_new.html",
        {"form": form, "answering": answering},
        status=400 if form.is_bound else 200,
    )


@require_POST
def activity_move(request, activity_id):
    activity = get_object_or_404(Activity, id=activity_id)
    check(request.user, Action.VIEW, activity)
    try:
        move(activity, request.POST.get("to", ""), by=request.user)
    except ValidationError as exc:
        return render(
            request,
            "assistance/activity_move_refused.html",
            {"activity": activity, "error": " ".join(exc.messages)},
            status=400,
        )
    return redirect("activities:detail", activity_id=activity.id)
