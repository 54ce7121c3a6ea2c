import datetime
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status
from ninja.security import django_auth

from accounts.access import Action, can, may_submit_request, state_of, submits_for_own_state_only, visible
from assistance import participants
from assistance.matrix import as_json, monthly_matrix
from assistance.models import (
    Activity,
    ActivityKind,
    ActivityStatus,
    AssistanceRequest,
    Origin,
    ParticipantCount,
)
from instruments.models import Instrument
from projects.models import Project
from states.models import State

router = Router(tags=["assistance"])


class RequestOut(Schema):
    id: int
    state: str = Field(description="ISO3 of the requesting state")
    origin: str = Field(description="'state' or 'ctc-referral'")
    received_on: datetime.date
    needs: str
    priorities: str
    instruments: list[str]
    thematic_areas: list[str]
    confidential: bool
    status: str = Field(description="received, assessed, planned, in-progress, completed or declined")
    decline_reason: str
    demonstration: bool = Field(description="true for generated demonstration records")


class RequestIn(Schema):
    state: str = Field(description="ISO3; a focal point may only give its own state")
    origin: Origin = Origin.STATE
    received_on: datetime.date
    needs: str = Field(min_length=1, max_length=20000)
    priorities: str = ""
    instruments: list[str] = []
    thematic_areas: list[str] = []
    confidential: bool = True


def request_out(item: AssistanceRequest) -> dict:
    return {
        "id": item.id,
        "state": item.state.iso3,
        "origin": item.origin,
        "received_on": item.received_on,
        "needs": item.needs,
        "priorities": item.priorities,
        "instruments": [i.slug for i in item.instruments.all()],
        "thematic_areas": item.thematic_areas,
        "confidential": item.confidential,
        "status": item.status,
        "decline_reason": item.decline_reason,
        "demonstration": item.demonstration,
    }


@router.get("/requests", response=list[RequestOut], summary="Requests for assistance you may see")
def list_requests(
    request,
    limit: int = Query(100, ge=1, le=1000, description="page size (at most 1000)"),
    offset: int = Query(0, ge=0, description="how many to skip"),
):
    items = visible(request.user, AssistanceRequest.objects.all()).order_by("-received_on", "-id")
    # The page first, then its states and instruments: no join before the sort.
    page = items[offset : offset + limit].prefetch_related(
        "state", Prefetch("instruments", queryset=Instrument.objects.only("id", "slug", "position"))
    )
    return [request_out(item) for item in page]


@router.post("/requests", response={201: RequestOut}, auth=django_auth, summary="Submit a request")
def create_request(request, payload: RequestIn):
    state = State.objects.filter(iso3=payload.state.upper()).first()
    if state is None:
        raise HttpError(422, f"state {payload.state!r} is not an ISO3 code of a state in ctassist")
    if not may_submit_request(request.user):
        raise HttpError(403, "Only a state's focal point or staff submit a request.")
    if submits_for_own_state_only(request.user):
        if state.id != state_of(request.user):
            raise HttpError(403, "A focal point submits requests for its own state only.")
        if payload.origin != Origin.STATE:
            raise HttpError(403, "A focal point cannot file a Committee referral.")
    instruments = list(Instrument.objects.filter(slug__in=payload.instruments))
    missing = sorted(set(payload.instruments) - {i.slug for i in instruments})
    if missing:
        raise HttpError(422, f"instruments: unknown slugs {', '.join(missing)}")
    item = AssistanceRequest(
        state=state,
        origin=payload.origin,
        received_on=payload.received_on,
        needs=payload.needs,
        priorities=payload.priorities,
        thematic_areas=payload.thematic_areas,
        confidential=payload.confidential,
        submitted_by=request.user,
    )
    try:
        item.full_clean()
    except ValidationError as exc:
        raise HttpError(422, "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())) from exc
    item.save()
    item.instruments.set(instruments)
    return Status(201, request_out(item))


class ParticipantOut(Schema):
    state: str | None = Field(description="ISO3; null when the source gives no state (state not recorded)")
    role: str = Field(description="legislator, prosecutor, judge, police, financial-intelligence or other")
    gender: str = Field(description="women, men or not-stated")
    count: int


class MatrixActivityOut(Schema):
    id: int
    title: str
    kind: str
    status: str
    starts_on: datetime.date
    ends_on: datetime.date
    demonstration: bool
    held_without_request_reason: str = Field(
        description="why a regional or subregional activity is held without a request; empty otherwise"
    )


class MatrixOutcomeOut(Schema):
    state: str = Field(description="ISO3")
    kind: str = Field(description="ratification or law")
    instrument: str | None = Field(description="slug of the instrument deposited")
    date: str | None = Field(description="date of the deposit, YYYY-MM-DD")
    law: int | None = Field(description="id of the law adopted")


class MatrixEntryOut(MatrixActivityOut):
    answers_request: bool = Field(description="whether it answers a request (or a Committee referral)")
    participants: list[ParticipantOut] = Field(description="participant counts recorded by the month's end")
    outcomes: list[MatrixOutcomeOut] = Field(description="outcomes confirmed by the month's end")


class MatrixLineOut(Schema):
    region: str
    subregion: str
    state: str
    state_name: str
    activities: list[MatrixEntryOut]


@router.get(
    "/matrix", response=list[MatrixLineOut], summary="Monthly matrix of ongoing and planned activities"
)
def matrix(request, month: str = Query(..., pattern=r"^\d{4}-\d{2}$", description="YYYY-MM")):
    year, number = int(month[:4]), int(month[5:])
    if not 1 <= number <= 12:
        raise HttpError(422, f"month {month!r}: the month must be 01 to 12")
    activities = visible(request.user, Activity.objects.all())
    return as_json(monthly_matrix(year, number, activities))


class ParticipantTotalsOut(Schema):
    by_state: dict[str, int] = Field(description="ISO3 → participants, only states that sent some")
    by_role: dict[str, int] = Field(description="every professional role → participants (0 included)")
    by_gender: dict[str, int] = Field(description="every gender → participants (0 included)")
    state_not_recorded: int = Field(0, description="participants whose source gives no state")
    total: int


class ActivityOut(MatrixActivityOut):
    place: str
    host_state: str | None
    participating_states: list[str]
    partners: str = Field(description="partner organizations, as written")
    instruments: list[str]
    thematic_areas: list[str]
    project: str | None = Field(description="code of the project it belongs to")
    requests: list[int] = Field(description="ids of the requests it answers that you may see")
    experts: list[int] | None = Field(description="ids of the assigned experts; staff only, else null")
    participants: list[ParticipantOut]
    participant_totals: ParticipantTotalsOut
    source: str = Field(
        description="key of the published source it is recorded from (sources register); empty if none"
    )
    source_locator: str = Field(description="where in the source, e.g. 'para. 10, note 3'")


def activities_out(page: list[Activity], user) -> list[dict]:
    """ActivityOut for a page of activities, in a fixed number of queries whatever its size.

    Flat `values_list` lookups keyed by activity id rather than select_related and
    prefetch_related: a join before the sort, and a queryset per activity and relation,
    cost more than everything else in the endpoint."""
    ids = [a.id for a in page]
    host = dict(State.objects.filter(id__in={a.host_state_id for a in page}).values_list("id", "iso3"))
    project = dict(Project.objects.filter(id__in={a.project_id for a in page}).values_list("id", "code"))

    def grouped(rows):
        by_activity = defaultdict(list)
        for activity_id, *value in rows:
            by_activity[activity_id].append(value[0] if len(value) == 1 else value)
        return by_activity

    states = grouped(
        Activity.participating_states.through.objects.filter(activity_id__in=ids)
        .order_by("state__iso3")
        .values_list("activity_id", "state__iso3")
    )
    instruments = grouped(
        Activity.instruments.through.objects.filter(activity_id__in=ids)
        .order_by("instrument__position")
        .values_list("activity_id", "instrument__slug")
    )
    # Only the requests this user may see: a confidential one must not even show its id.
    requests = grouped(
        Activity.requests.through.objects.filter(
            activity_id__in=ids,
            assistancerequest_id__in=visible(user, AssistanceRequest.objects.all()).values("id"),
        )
        .order_by("assistancerequest_id")
        .values_list("activity_id", "assistancerequest_id")
    )
    counts = grouped(
        ParticipantCount.objects.filter(activity_id__in=ids)
        .order_by("state__iso3", "role", "gender")
        .values_list("activity_id", "state__iso3", "role", "gender", "count")
    )
    staff = can(user, Action.CHANGE)
    experts = (
        grouped(
            Activity.experts.through.objects.filter(activity_id__in=ids)
            .order_by("expert_id")
            .values_list("activity_id", "expert_id")
        )
        if staff
        else None
    )
    return [
        {
            "id": a.id,
            "title": a.title,
            "kind": a.kind,
            "status": a.status,
            "starts_on": a.starts_on,
            "ends_on": a.ends_on,
            "demonstration": a.demonstration,
            "held_without_request_reason": a.held_without_request_reason,
            "place": a.place,
            "host_state": host.get(a.host_state_id),
            "participating_states": states[a.id],
            "partners": a.partners,
            "instruments": instruments[a.id],
            "thematic_areas": a.thematic_areas,
            "project": project.get(a.project_id),
            "requests": requests[a.id],
            "experts": experts[a.id] if staff else None,
            "participants": [
                {"state": iso3, "role": role, "gender": gender, "count": n}
                for iso3, role, gender, n in counts[a.id]
            ],
            "participant_totals": participants.for_rows(counts[a.id]).as_json(),
            "source": a.source,
            "source_locator": a.source_locator,
        }
        for a in page
    ]


@router.get("/activities", response=list[ActivityOut], summary="Activities of technical assistance")
def activities(
    request,
    state: str | None = Query(None, description="ISO3 of a host or participating state"),
    kind: ActivityKind | None = None,
    status: ActivityStatus | None = None,
    starts_from: datetime.date | None = Query(None, alias="from", description="running on or after"),
    ends_by: datetime.date | None = Query(None, alias="to", description="running on or before"),
    project: str | None = Query(None, description="project code"),
    limit: int = Query(100, ge=1, le=1000, description="page size (at most 1000)"),
    offset: int = Query(0, ge=0, description="how many to skip"),
):
    items = visible(request.user, Activity.objects.all()).filter_by(
        state=state,
        kind=kind,
        status=status,
        starts_from=starts_from,
        ends_by=ends_by,
        project=project,
    )
    page = list(items.order_by("starts_on", "title", "id")[offset : offset + limit])
    return activities_out(page, request.user)
