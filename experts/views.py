from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.access import Action, check, is_staff_member, may_assign_experts, may_read_roster, visible
from assessments.models import Review
from assistance.models import Activity
from ctassist.demonstration import mark_demonstration
from experts import assignment
from experts.forms import AssignmentForm, ExpertFilterForm
from experts.models import AdvisoryGroup, Expert
from experts.roster import counts, filter_roster, groups_by_region, with_details

SUGGESTIONS_SHOWN = 25


def _roster_reader(user) -> None:
    # The roster holds personal data: it is not even said to exist to anyone else.
    if not may_read_roster(user):
        raise Http404(_("No such page."))


def expert_list(request):
    _roster_reader(request.user)
    form = ExpertFilterForm(request.GET or None)
    experts = visible(request.user, Expert.objects.all())
    if form.is_bound:
        experts = filter_roster(experts, **form.roster_filters()) if form.is_valid() else experts.none()
    experts = list(with_details(experts))
    mark_demonstration(request, experts)
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(
        request,
        "experts/list.html",
        {
            "form": form,
            "experts": experts,
            "counts": counts(experts),
            "may_assign": may_assign_experts(request.user),
        },
        status=status,
    )


def _assign_from_form(request, form) -> bool:
    """Apply a posted assignment; False (errors on the form) when it was refused."""
    if not may_assign_experts(request.user):
        raise PermissionDenied(_("Only staff assign experts."))
    if not form.is_valid():
        return False
    data = form.cleaned_data
    try:
        assignment.apply(data["operation"], data["expert"], data["activity"], data["review"], request.user)
    except ValidationError as exc:
        form.add_error(None, exc)
        return False
    messages.success(
        request, _("Done: the assignments of %(expert)s are updated.") % {"expert": data["expert"]}
    )
    return True


def expert_detail(request, expert_id):
    expert = get_object_or_404(with_details(Expert.objects.all()), id=expert_id)
    check(request.user, Action.VIEW, expert)
    # The page's expert, whatever the form says.
    form = AssignmentForm({**request.POST.dict(), "expert": expert.id} if request.method == "POST" else None)
    if request.method == "POST":
        if _assign_from_form(request, form):
            return redirect("experts:detail", expert_id=expert.id)
    reviews = Review.objects.filter(experts=expert.user_id) if expert.user_id else Review.objects.none()
    activities = list(visible(request.user, expert.activities.select_related("host_state")))
    mark_demonstration(request, [expert, *activities])
    context = {
        "expert": expert,
        "activities": activities,
        "reviews": visible(
            request.user, reviews.select_related("state", "instrument").prefetch_related("instrument__titles")
        ),
        "form": form if may_assign_experts(request.user) else None,
    }
    return render(request, "experts/detail.html", context, status=400 if form.errors else 200)


def _target(params):
    """The activity or review named by ?activity= or ?review=, or (None, None)."""
    activity_id, review_id = params.get("activity", ""), params.get("review", "")
    if activity_id.isdigit():
        return get_object_or_404(Activity.objects.select_related("host_state"), id=activity_id), None
    if review_id.isdigit():
        return None, get_object_or_404(Review.objects.select_related("state", "instrument"), id=review_id)
    return None, None


def assign(request):
    if not may_assign_experts(request.user):
        raise Http404(_("No such page."))
    activity, review = _target(request.GET)
    form = AssignmentForm(request.POST or None)
    if request.method == "POST" and _assign_from_form(request, form):
        return redirect(request.get_full_path())
    if activity is not None:
        assigned, suggestions = activity.experts.all(), assignment.suggest_experts(activity)
    elif review is not None:
        assigned = Expert.objects.filter(user__in=review.experts.all())
        suggestions = assignment.suggest_experts_for_review(review)
    else:
        assigned, suggestions = [], []
    suggestions = suggestions[:SUGGESTIONS_SHOWN]
    mark_demonstration(request, [activity, *assigned, *(s.expert for s in suggestions)])
    context = {
        "activity": activity,
        "review": review,
        "assigned": assigned,
        "suggestions": suggestions,
        "form": form,
        "reviews": Review.objects.select_related("state", "instrument"),
    }
    return render(request, "experts/assign.html", context, status=400 if form.errors else 200)


def group_list(request):
    _roster_reader(request.user)
    groups = list(
        visible(request.user, AdvisoryGroup.objects.select_related("region").prefetch_related("members"))
    )
    mark_demonstration(request, [*groups, *(m for g in groups for m in g.members.all())])
    return render(
        request,
        "experts/groups.html",
        {"sections": groups_by_region(groups), "may_open_experts": is_staff_member(request.user)},
    )
