"""GET /api/v1/legal-basis: which universal instruments bind two states for an offence on a date."""

import datetime

from ninja import Query, Router
from ninja.errors import HttpError

from accounts.access import Action, can
from cooperation.legal_basis import find_legal_basis
from cooperation.legal_basis_data import as_data, resolve

router = Router(tags=["cooperation"])


@router.get("/legal-basis", summary="The legal basis two states share for an offence on a date")
def legal_basis(
    request,
    requesting: str = Query(..., description="Requesting state, ISO 3166-1 alpha-3"),
    requested: str = Query(..., description="Requested state, ISO 3166-1 alpha-3"),
    offence: str = Query(..., description="Offence code (docs/cooperation.md, 'Offence codes')"),
    on: str | None = Query(None, description="YYYY-MM-DD; default today"),
):
    """Each instrument covering the offence: whether it is in force for both states on the date
    (each state's entry into force), its cooperation articles with citations, reservations and
    declarations recorded on them; instruments that do not bind both, with the reason ("unknown"
    where ctassist has no status list); bilateral or regional treaties staff recorded. Where the
    date is after an instrument's status list, `after_as_at` is true and `as_at_note` says so."""
    try:
        first, second, found, day = resolve(
            requesting, requested, offence, on or datetime.date.today().isoformat()
        )
    except ValueError as error:
        raise HttpError(400, str(error)) from None
    for state in (first, second):
        if not can(request.user, Action.VIEW, state):
            raise HttpError(400, f"Unknown state {state.iso3!r}.")
    return as_data(find_legal_basis(first, second, found, day))
