import datetime

from django.core.exceptions import ValidationError
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status
from ninja.security import django_auth

from accounts.access import role_of, state_of, visible
from accounts.models import Role
from assistance.models import AssistanceRequest, Origin
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
