import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from accounts.access import Action, can, check, visible
from plans.models import Plan, PlanKind
from plans.progress import is_overdue

router = Router(tags=["plans"])


class StepOut(Schema):
    id: int
    position: int
    title: str
    due_on: datetime.date | None
    done_on: datetime.date | None
    overdue: bool = Field(description="due date passed and not done")
    notes: str


class PlanOut(Schema):
    id: int
    state: str = Field(description="ISO3 of the state")
    kind: str = Field(description="'action-plan' or 'drafting-committee'")
    title: str
    status: str = Field(description="draft, adopted, under-way, completed or abandoned")
    established_on: datetime.date | None
    members: str
    instruments: list[str] = Field(description="slugs")
    requests: list[int] = Field(description="ids of the requests it answers that you may see")
    notes: str
    demonstration: bool = Field(description="true for generated demonstration records")
    steps: list[StepOut] = Field(description="in order")


def plan_out(plan: Plan, user, today: datetime.date) -> dict:
    return {
        "id": plan.id,
        "state": plan.state.iso3,
        "kind": plan.kind,
        "title": plan.title,
        "status": plan.status,
        "established_on": plan.established_on,
        "members": plan.members,
        "instruments": [i.slug for i in plan.instruments.all()],
        "requests": [r.id for r in plan.requests.all() if can(user, Action.VIEW, r)],
        "notes": plan.notes,
        "demonstration": plan.demonstration,
        "steps": [
            {
                "id": s.id,
                "position": s.position,
                "title": s.title,
                "due_on": s.due_on,
                "done_on": s.done_on,
                "overdue": is_overdue(s, today),
                "notes": s.notes,
            }
            for s in plan.steps.all()
        ],
    }


def plans_with_details():
    return Plan.objects.select_related("state").prefetch_related("instruments", "requests", "steps")


@router.get("/plans", response=list[PlanOut], summary="Action plans and drafting committees you may see")
def list_plans(request, state: str | None = None, kind: PlanKind | None = None):
    plans = visible(request.user, plans_with_details())
    if state:
        plans = plans.filter(state__iso3=state.upper())
    if kind:
        plans = plans.filter(kind=kind)
    today = datetime.date.today()
    return [plan_out(plan, request.user, today) for plan in plans]


@router.get("/plans/{plan_id}", response=PlanOut, summary="One action plan or drafting committee")
def get_plan(request, plan_id: int):
    plan = get_object_or_404(plans_with_details(), id=plan_id)
    check(request.user, Action.VIEW, plan)
    return plan_out(plan, request.user, datetime.date.today())
