import datetime

from django.core.exceptions import ValidationError
from django.db.models import Q
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status
from ninja.security import django_auth

from accounts.access import role_of, state_of, visible
from accounts.models import Role
from assistance.models import Activity, ActivityKind, ActivityStatus, AssistanceRequest, Origin
from instruments.models import Instrument
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
def list_requests(request):
    items = visible(
        request.user, AssistanceRequest.objects.select_related("state").prefetch_related("instruments")
    )
    return [request_out(item) for item in items]


@router.post("/requests", response={201: RequestOut}, auth=django_auth, summary="Submit a request")
def create_request(request, payload: RequestIn):
    role = role_of(request.user)
    state = State.objects.filter(iso3=payload.state.upper()).first()
    if state is None:
        raise HttpError(422, f"state {payload.state!r} is not an ISO3 code of a state in ctassist")
    if role == Role.FOCAL_POINT:
        if state.id != state_of(request.user):
            raise HttpError(403, "A focal point submits requests for its own state only.")
        if payload.origin != Origin.STATE:
            raise HttpError(403, "A focal point cannot file a Committee referral.")
    elif role not in (Role.STAFF, Role.ADMINISTRATOR):
        raise HttpError(403, "Only a state's focal point or staff submit a request.")
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


class MatrixActivityOut(Schema):
    id: int
    title: str
    kind: str
    status: str
    starts_on: datetime.date
    ends_on: datetime.date
    demonstration: bool


class MatrixLineOut(Schema):
    region: str
    subregion: str
    state: str
    state_name: str
    activities: list[MatrixActivityOut]


@router.get(
    "/matrix", response=list[MatrixLineOut], summary="Monthly matrix of ongoing and planned activities"
)
def matrix(request, month: str = Query(..., pattern=r"^\d{4}-\d{2}$", description="YYYY-MM")):
    from assistance.matrix import as_json, monthly_matrix

    year, number = int(month[:4]), int(month[5:])
    if not 1 <= number <= 12:
        raise HttpError(422, f"month {month!r}: the month must be 01 to 12")
    activities = visible(request.user, Activity.objects.all())
    return as_json(monthly_matrix(year, number, activities))


class ActivityOut(MatrixActivityOut):
    place: str
    host_state: str | None
    participating_states: list[str]
    instruments: list[str]
    requests: list[int]


@router.get("/activities", response=list[ActivityOut], summary="Activities of technical assistance")
def activities(
    request,
    state: str | None = None,
    kind: ActivityKind | None = None,
    status: ActivityStatus | None = None,
    starts_from: datetime.date | None = Query(None, alias="from"),
    ends_by: datetime.date | None = Query(None, alias="to"),
):
    items = visible(request.user, Activity.objects.select_related("host_state")).prefetch_related(
        "participating_states", "instruments", "requests"
    )
    if state:
        iso3 = state.upper()
        items = items.filter(Q(host_state__iso3=iso3) | Q(participating_states__iso3=iso3)).distinct()
    if kind:
        items = items.filter(kind=kind)
    if status:
        items = items.filter(status=status)
    if starts_from:
        items = items.filter(ends_on__gte=starts_from)
    if ends_by:
        items = items.filter(starts_on__lte=ends_by)
    return [
        {
            "id": a.id,
            "title": a.title,
            "kind": a.kind,
            "status": a.status,
            "starts_on": a.starts_on,
            "ends_on": a.ends_on,
            "demonstration": a.demonstration,
            "place": a.place,
            "host_state": a.host_state.iso3 if a.host_state else None,
            "participating_states": [s.iso3 for s in a.participating_states.all()],
            "instruments": [i.slug for i in a.instruments.all()],
            "requests": [r.id for r in a.requests.all()],
        }
        for a in items
    ]
