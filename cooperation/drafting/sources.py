"""What a draft takes from the rest of ctassist: the requested state's competent authority
(its address, its recorded requirements) and the legal basis from the finder."""

import datetime

from cooperation.legal_basis import find_legal_basis, legal_basis_text
from cooperation.models import Authority, AuthorityKind, DraftKind
from cooperation.offences import offence as offence_named

# Which authority of the requested state receives each kind of request.
RECEIVING_AUTHORITY = {
    DraftKind.MLA: AuthorityKind.MLA_CENTRAL_AUTHORITY,
    DraftKind.EXTRADITION: AuthorityKind.EXTRADITION_AUTHORITY,
    DraftKind.PROVISIONAL_ARREST: AuthorityKind.EXTRADITION_AUTHORITY,
}


def draft_answers(draft) -> dict:
    """The answers as `missing_items` reads them: the form's, with the draft's own fields."""
    return {
        **(draft.answers or {}),
        "requesting_state": draft.requesting_state.iso3 if draft.requesting_state_id else "",
        "requested_state": draft.requested_state.iso3 if draft.requested_state_id else "",
        "offence": draft.offence,
    }


def requested_authority(draft) -> Authority | None:
    """The requested state's authority for this kind of request, if ctassist records one."""
    if not draft.requested_state_id:
        return None
    kind = RECEIVING_AUTHORITY.get(draft.kind)
    return Authority.objects.of_state(draft.requested_state_id).of_kind(kind).first()


def finder_text(requesting, requested, offence_code: str, on: datetime.date | None, language: str) -> str:
    """The legal-basis finder's answer for the two states (State records), written out in
    `language`; empty when the offence is not one of the finder's."""
    offence = offence_named(offence_code or "")
    if not (requesting and requested and offence):
        return ""
    return legal_basis_text(
        find_legal_basis(requesting, requested, offence, on or datetime.date.today()), language
    )


def legal_basis_for(draft, language: str) -> str:
    """The legal basis as the document says it.

    The form prefills the finder's text in the page's language; while the user leaves it as
    prefilled, a document in another language gets the finder's text in that language. Text
    the user changed is theirs, kept as typed."""
    answers = draft.answers or {}
    typed = (answers.get("legal_basis") or "").strip()
    prefilled_in = answers.get("legal_basis_language")
    if typed and prefilled_in and prefilled_in != language:
        arguments = (draft.requesting_state, draft.requested_state, draft.offence, draft.on)
        if finder_text(*arguments, prefilled_in).strip() == typed:
            return finder_text(*arguments, language)
    return typed
