import datetime

from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from accounts.access import Action, can, visible
from states.models import Area, RegionalGroup, State

router = Router(tags=["states"])


class AreaOut(Schema):
    code: str = Field(description="UN M49 code")
    level: str
    names: dict[str, str]


class StateOut(Schema):
    iso3: str
    iso2: str
    m49: str
    url: str
    names: dict[str, str] = Field(description="UN short name per UN language (ar zh en fr ru es)")
    formal_names: dict[str, str] = Field(description="UN formal name per UN language; absent where not found")
    status: str = Field(description="'member', 'observer' or 'non-member'")
    region: AreaOut
    subregion: AreaOut
    intermediate_region: AreaOut | None
    regional_group: str = Field(description="UN regional group; empty for states outside them")
    regional_group_note: str
    un_admission_date: datetime.date | None
    un_admission_year: int | None
    sources: dict = Field(description="Source of each fact, keyed by fact")


def area_out(area: Area | None) -> dict | None:
    if area is None:
        return None
    return {"code": area.code, "level": area.level, "names": area.names}


def state_out(state: State) -> dict:
    return {
        "iso3": state.iso3,
        "iso2": state.iso2,
        "m49": state.m49,
        "url": reverse("states:detail", args=[state.iso3]),
        "names": state.names,
        "formal_names": state.formal_names,
        "status": state.status,
        "region": area_out(state.region),
        "subregion": area_out(state.subregion),
        "intermediate_region": area_out(state.intermediate_region),
        "regional_group": state.regional_group,
        "regional_group_note": state.regional_group_note,
        "un_admission_date": state.un_admission_date,
        "un_admission_year": state.un_admission_year,
        "sources": state.sources,
    }


@router.get("", response=list[StateOut], summary="States")
def list_states(
    request,
    region: str | None = Query(None, description="M49 code of a region, e.g. 142 for Asia"),
    subregion: str | None = Query(None, description="M49 code of a subregion or intermediate region"),
    group: RegionalGroup | None = None,
    status: State.Status | None = None,
):
    states = visible(request.user, State.objects.with_areas())
    for code, name in ((region, "region"), (subregion, "subregion")):
        if code:
            if not Area.objects.filter(code=code).exists():
                raise HttpError(400, f"{name}={code!r} is not an M49 area code known to ctassist")
            states = states.in_area(code)
    if group:
        states = states.in_group(group)
    if status:
        states = states.filter(status=status)
    return [state_out(state) for state in states]


@router.get("/{iso3}", response=StateOut, summary="One state")
def get_state(request, iso3: str):
    state = State.objects.with_areas().filter(iso3=iso3.upper()).first()
    if state is None or not can(request.user, Action.VIEW, state):
        raise HttpError(404, f"No state with ISO 3166-1 alpha-3 code {iso3!r}.")
    return state_out(state)
