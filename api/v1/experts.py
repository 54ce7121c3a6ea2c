"""The roster of experts and the advisory groups (F10).

The roster holds personal data: staff and administrators see it all; an expert sees only its
own entry and the groups it belongs to; everyone else gets an empty list, as for other
records one may not see. Only staff see e-mail addresses."""

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from accounts.access import may_see_expert_contacts, visible
from experts.models import AdvisoryGroup, Expert, LegalSystem
from experts.roster import filter_roster, with_details

router = Router(tags=["experts"])


class AreaOut(Schema):
    code: str = Field(description="M49 code")
    name: str = Field(description="English name")


class ExpertOut(Schema):
    id: int
    name: str
    email: str | None = Field(description="staff only; null for everyone else")
    nationality: str | None = Field(description="ISO3 of the state of nationality")
    regions: list[AreaOut] = Field(description="M49 areas of experience (region, subregion or intermediate)")
    legal_systems: list[str] = Field(description="common-law, civil-law, islamic-law, mixed")
    languages: list[str] = Field(description="language codes, such as en, fr, ar, zh")
    instruments: list[str] = Field(description="slugs of the instruments")
    advisory_groups: list[str] = Field(description="names of the advisory groups the expert belongs to")
    activities: list[int] = Field(description="ids of the activities the expert is assigned to")
    available: bool
    demonstration: bool = Field(description="true for generated demonstration records")


class MemberOut(Schema):
    id: int
    name: str


class AdvisoryGroupOut(Schema):
    id: int
    name: str
    region: AreaOut | None
    legal_system: str = Field(description="common-law, civil-law, islamic-law, mixed, or empty")
    members: list[MemberOut]
    demonstration: bool = Field(description="true for generated demonstration records")


def area_out(area) -> dict | None:
    return {"code": area.code, "name": area.name("en")} if area else None


def expert_out(expert: Expert, show_email: bool) -> dict:
    return {
        "id": expert.id,
        "name": expert.name,
        "email": expert.email if show_email else None,
        "nationality": expert.nationality.iso3 if expert.nationality else None,
        "regions": [area_out(area) for area in expert.regions.all()],
        "legal_systems": expert.legal_systems,
        "languages": expert.languages,
        "instruments": [i.slug for i in expert.instruments.all()],
        "advisory_groups": [group.name for group in expert.advisory_groups.all()],
        "activities": [activity.id for activity in expert.activities.all()],
        "available": expert.active,
        "demonstration": expert.demonstration,
    }


@router.get("/experts", response=list[ExpertOut], summary="The roster of experts")
def experts(
    request,
    region: str = Query("", description="M49 code; experts of that area or any area inside it"),
    legal_system: LegalSystem | None = None,
    language: str = Query("", pattern=r"^([A-Za-z]{2,3})?$", description="language code, such as fr"),
    instrument: str = Query("", description="instrument slug"),
    available: bool | None = None,
):
    if region and not region.isdigit():
        raise HttpError(422, f"region {region!r}: give an M49 code, such as 002 for Africa")
    found = filter_roster(
        visible(request.user, Expert.objects.all()),
        region=region,
        legal_system=legal_system or "",
        language=language,
        instrument=instrument,
        available=available,
    )
    show_email = may_see_expert_contacts(request.user)
    return [expert_out(expert, show_email) for expert in with_details(found)]


@router.get("/advisory-groups", response=list[AdvisoryGroupOut], summary="Advisory groups of experts")
def advisory_groups(request):
    groups = visible(request.user, AdvisoryGroup.objects.select_related("region").prefetch_related("members"))
    return [
        {
            "id": group.id,
            "name": group.name,
            "region": area_out(group.region),
            "legal_system": group.legal_system,
            "members": [{"id": m.id, "name": m.name} for m in group.members.all()],
            "demonstration": group.demonstration,
        }
        for group in groups
    ]
