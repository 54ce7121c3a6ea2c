import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import (
    Action,
    check,
    may_create_plan,
    may_decide_plan_scope,
    may_edit_plan,
    visible,
)
from ctassist.demonstration import mark_demonstration
from ctassist.lifecycle import move
from plans.forms import PlanForm, StepForm
from plans.models import Plan, PlanKind, Step
from plans.progress import is_overdue


@login_required
def plan_list(request):
    plans = visible(request.user, Plan.objects.select_related("state"))
    kind = request.GET.get("kind")
    if kind in PlanKind.values:
        plans = plans.filter(kind=kind)
    mark_demonstration(request, plans)
    return render(
        request,
        "plans/list.html",
        {
            "plans": plans,
            "kinds": PlanKind.choices,
            "kind": kind,
            "may_create": may_create_plan(request.user),
        },
    )


@login_required
def plan_new(request):
    if not may_create_plan(request.user):
        raise PermissionDenied(_("Only staff create action plans and drafting committees."))
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        plan = form.save()
        return redirect("plans:detail", plan_id=plan.id)
    return render(
        request, "plans/edit.html", {"form": form, "plan": None}, status=400 if form.errors else 200
    )


@login_required
def plan_edit(request, plan_id):
    plan = get_object_or_404(Plan.objects.select_related("state"), id=plan_id)
    check(request.user, Action.CHANGE, plan)
    form = PlanForm(request.POST or None, instance=plan, focal_point=not may_decide_plan_scope(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("plans:detail", plan_id=plan.id)
    return render(
        request, "plans/edit.html", {"form": form, "plan": plan}, status=400 if form.errors else 200
    )


@login_required
def plan_detail(request, plan_id):
    plan = get_object_or_404(Plan.objects.select_related("state"), id=plan_id)
    check(request.user, Action.VIEW, plan)
    return render(request, "plans/detail.html", plan_context(request, plan, new_step_form(request, plan)))


@login_required
@require_POST
def plan_move(request, plan_id):
    plan = get_object_or_404(Plan.objects.select_related("state"), id=plan_id)
    check(request.user, Action.VIEW, plan)
    try:
        move(plan, request.POST.get("to", ""), by=request.user)
    except ValidationError as exc:
        context = plan_context(request, plan, new_step_form(request, plan))
        return render(request, "plans/detail.html", {**context, "error": " ".join(exc.messages)}, status=400)
    return redirect("plans:detail", plan_id=plan.id)


def new_step_form(request, plan):
    if not may_edit_plan(request.user, plan):
        return None
    next_position = (plan.steps.aggregate(last=Max("position"))["last"] or 0) + 1
    return StepForm(initial={"position": next_position})


@login_required
@require_POST
def step_new(request, plan_id):
    plan = get_object_or_404(Plan.objects.select_related("state"), id=plan_id)
    check(request.user, Action.CHANGE, plan)
    form = StepForm(request.POST, instance=Step(plan=plan))
    if form.is_valid():
        form.save()
        return redirect("plans:detail", plan_id=plan.id)
    return render(request, "plans/detail.html", plan_context(request, plan, form), status=400)


@login_required
def step_edit(request, plan_id, step_id):
    plan = get_object_or_404(Plan.objects.select_related("state"), id=plan_id)
    check(request.user, Action.CHANGE, plan)
    step = get_object_or_404(Step, id=step_id, plan=plan)
    form = StepForm(request.POST or None, instance=step)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("plans:detail", plan_id=plan.id)
    return render(
        request,
        "plans/step.html",
        {"plan": plan, "step": step, "form": form},
        status=400 if form.errors else 200,
    )


def plan_context(request, plan, form) -> dict:
    today = datetime.date.today()
    mark_demonstration(request, [plan])
    steps = [(step, is_overdue(step, today)) for step in plan.steps.all()]
    return {
        "plan": plan,
        "steps": steps,
        "requests": visible(request.user, plan.requests.select_related("state")),
        "may_change": may_edit_plan(request.user, plan),
        "moves": plan.lifecycle.moves_for(request.user, plan),
        "form": form,
    }
