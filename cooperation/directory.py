"""The directory of competent national authorities, as pages, the export and the API give it.

One function decides which fields of an entry a reader gets (`entry`): the restricted ones
(direct telephone and e-mail, requirements the state marks restricted) only for signed-in
practitioners. Dates are passed in (`today`), so that staleness is tested on a fixed day."""

import datetime

from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from cooperation.models import Authority
from cooperation.models.authorities import STALE_AFTER_MONTHS, months_before

# The order of the export's columns; the last three are withheld from the public.
PUBLIC_COLUMNS = (
    "state",
    "kind",
    "name",
    "address",
    "telephone",
    "email",
    "languages_accepted",
    "channels",
    "requirements",
    "convention_as_legal_basis",
    "time_limits",
    "last_confirmed",
    "possibly_out_of_date",
    "source",
    "demonstration",
)
RESTRICTED_COLUMNS = ("direct_telephone", "direct_email", "restricted_requirements")


def entry(authority: Authority, restricted: bool, today: datetime.date) -> dict:
    """An entry as plain data; with `restricted` False the restricted fields are not in it at all."""
    data = {
        "id": authority.id,
        "state": authority.state.iso3,
        "kind": authority.kind,
        "name": authority.name(),
        "names": dict(authority.names),
        "address": authority.address,
        "telephone": authority.public_telephone,
        "email": authority.public_email,
        "languages_accepted": list(authority.languages_accepted),
        "channels": list(authority.channels),
        "requirements": "" if authority.requirements_restricted else authority.requirements,
        "convention_as_legal_basis": authority.convention_as_legal_basis,
        "time_limits": authority.time_limits,
        "last_confirmed": authority.last_confirmed,
        "possibly_out_of_date": authority.is_stale(today),
        "source": authority.source,
        "demonstration": authority.demonstration,
    }
    if restricted:
        data["direct_telephone"] = authority.direct_telephone
        data["direct_email"] = authority.direct_email
        data["restricted_requirements"] = authority.requirements if authority.requirements_restricted else ""
    return data


def confirm(authority: Authority, today: datetime.date) -> None:
    """The state's focal point (or staff) says the entry is current on `today`."""
    authority.last_confirmed = today
    authority.save(update_fields=["last_confirmed"])


def stale_entries(today: datetime.date):
    """Entries nobody confirmed in the 12 months before `today`, the oldest first."""
    return (
        Authority.objects.stale(today)
        .select_related("state")
        .order_by("last_confirmed", "state__iso3", "kind")
    )


def stale_since(today: datetime.date) -> datetime.date:
    """An entry last confirmed on or before this day shows as possibly out of date."""
    return months_before(today, STALE_AFTER_MONTHS)


def language_label(code: str) -> str:
    """The name of a language in the page's language, or its code where Django does not know it."""
    code = {"zh": "zh-hans"}.get(code, code)
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def parse_language_codes(text: str) -> list[str]:
    """ "en, fr ar" → ["en", "fr", "ar"]: language codes, as a person types them."""
    codes = [code.strip().lower() for code in text.replace(";", ",").replace(" ", ",").split(",")]
    return [code for code in dict.fromkeys(codes) if code]


def bad_language_codes(codes: list[str]) -> list[str]:
    """Codes that are not two or three letters (ISO 639), e.g. a name typed by mistake."""
    return [code for code in codes if not (code.isascii() and code.isalpha() and 2 <= len(code) <= 3)]


def no_entry_message() -> str:
    return _(
        "No entry has been recorded yet: ctassist ships no contact details, and none are made up. "
        "A state's focal point records its state's authorities from the state's page once signed in; "
        "staff may record an entry a state has sent them, with its source."
    )
