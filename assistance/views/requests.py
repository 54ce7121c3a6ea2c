from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.access import (
    Action,
    check,
    may_plan_activities,
    may_submit_request,
    state_of,
    submits_for_own_state_only,
    visible,
)
from assistance.forms.requests import AdvanceForm, RequestForm
from assistance.models import AssistanceRequest
from ctassist.demonstration import mark_demonstration
from ctassist.lifecycle import move
from states.models import State


def request_list(request):
    # The public sees the requests that states did not mark confidential.
    requests = visible(request.user, AssistanceRequest.objects.select_related("state"))
    page = Paginator(requests, 100).get_page(request.GET.get("page"))
    mark_demonstration(request, page)
    return render(
        request, "assistance/list.html", {"page": page, "may_submit": may_submit_request(request.user)}
    )


@login_required
def request_new(request):
    if not may_submit_request(request.user):
        raise PermissionDenied(_("Only a state's focal point or staff submit a request."))
    own_state = None
    if submits_for_own_state_only(request.user):
        own_state = State.objects.get(id=state_of(request.user))
    form = RequestForm(request.POST or None, focal_point_state=own_state)
    if request.method == "POST" and form.is_valid():
        new = form.save(commit=False)
        new.submitted_by = request.user
        new.save()
        form.save_m2m()
        return redirect("assistance:detail", request_id=new.id)
    return render(request, "assistance/new.html", {"form": form})


def request_detail(request, request_id):
    item = get_object_or_404(AssistanceRequest.objects.select_related("state"), id=request_id)
    check(request.user, Action.VIEW, item)
    error = None
    if request.method == "POST":
        form = AdvanceForm(request.POST)
        if form.is_valid():
            try:
                move(item, form.cleaned_data["to"], by=request.user, reason=form.cleaned_data["reason"])
                return redirect("assistance:detail", request_id=item.id)
            except ValidationError as exc:
                error = " ".join(exc.messages)
    activities = visible(request.user, item.activities.all())
    mark_demonstration(request, [item, *activities])
    return render(
        request,
        "assistance/detail.html",
        {
            "item": item,
            "moves": item.lifecycle.moves_for(request.user, item),
            "may_plan": may_plan_activities(request.user),
            "activities": activities,
            "error": error,
        },
        status=400 if error else 200,
    )
