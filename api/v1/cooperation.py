import datetime

from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from accounts.access import may_see_restricted_contacts
from cooperation import directory
from cooperation.models import Authority, AuthorityKind
from states.models import State

router = Router(tags=["cooperation"])


class AuthorityOut(Schema):
    id: int
    state: str = Field(description="ISO3")
    kind: str = Field(description="one of " + ", ".join(AuthorityKind.values))
    name: str = Field(description="in English where the state gives it, else in the state's first language")
    names: dict[str, str] = Field(description="the name in each language the state gives, by language code")
    address: str
    telephone: str = Field(description="public telephone")
    email: str = Field(description="public e-mail")
    languages_accepted: list[str] = Field(description="language codes in which requests are accepted")
    channels: list[str] = Field(description="diplomatic, direct, interpol, urgent")
    requirements: str = Field(description="empty when the state restricts its requirements")
    convention_as_legal_basis: str = Field(description="yes, no or unknown")
    time_limits: str
    last_confirmed: datetime.date | None
    possibly_out_of_date: bool = Field(description="not confirmed in the last 12 months")
    source: str = Field(description="who supplied the entry")
    demonstration: bool = Field(description="true for a generated demonstration record, not a real authority")
    direct_telephone: str | None = Field(None, description="restricted: signed-in practitioners only")
    direct_email: str | None = Field(None, description="restricted: signed-in practitioners only")
    restricted_requirements: str | None = Field(
        None,
        description="restricted: the requirements a state marks restricted, signed-in practitioners only",
    )


@router.get(
    "/authorities",
    response=list[AuthorityOut],
    exclude_none=True,
    summary="Competent national authorities for international cooperation",
)
def list_authorities(request, state: str | None = None, kind: AuthorityKind | None = None):
    """The directory; the restricted fields appear only for a signed-in practitioner."""
    authorities = Authority.objects.select_related("state")
    if state:
        if not State.objects.filter(iso3=state.upper()).exists():
            raise HttpError(400, f"state {state!r} is not an ISO3 code of a state in ctassist")
        authorities = authorities.filter(state__iso3=state.upper())
    if kind:
        authorities = authorities.of_kind(kind)
    restricted = may_see_restricted_contacts(request.user)
    today = timezone.localdate()
    return [directory.entry(authority, restricted, today) for authority in authorities]
