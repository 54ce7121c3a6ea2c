"""The legal basis as data: reading the question (states, offence, date) and writing the answer
for the API, the command and the request writer."""

import datetime

from django.utils.translation import gettext as _

from cooperation.legal_basis import LegalBasis
from cooperation.offences import OFFENCE_CODES, Offence, offence
from sources.citations import Register
from sources.citations import as_data as citation_data
from states.models import State


def resolve(
    requesting: str, requested: str, code: str, on: str
) -> tuple[State, State, Offence, datetime.date]:
    """The records a question names; ValueError naming the first input that is not known."""
    states = []
    for role, iso3 in (("requesting", requesting), ("requested", requested)):
        state = State.objects.filter(iso3=(iso3 or "").strip().upper()).first()
        if state is None:
            raise ValueError(f"Unknown {role} state {iso3!r}: give an ISO 3166-1 alpha-3 code such as FRA.")
        states.append(state)
    found = offence(code)
    if found is None:
        raise ValueError(f"Unknown offence {code!r}: the codes are {', '.join(OFFENCE_CODES)}.")
    try:
        day = on if isinstance(on, datetime.date) else datetime.date.fromisoformat((on or "").strip())
    except ValueError:
        raise ValueError(f"Date {on!r} is not a date in the form YYYY-MM-DD.") from None
    return states[0], states[1], found, day


def _side(side) -> dict | None:
    if side is None:
        return None
    eif = side.position.entry_into_force
    return {
        "state": side.state.iso3,
        "standing": side.position.standing,
        "entry_into_force": eif.date if eif else None,
        "entry_into_force_explanation": eif.explanation if eif else "",
        "denunciation_takes_effect": side.position.denunciation_effective,
        "joined_after_the_date_on": side.joined_on,
        "reason": side.reason or None,
    }


def as_data(basis: LegalBasis) -> dict:
    register = Register()
    return {
        "requesting": basis.requesting.iso3,
        "requested": basis.requested.iso3,
        "offence": basis.offence.code,
        "offence_label": str(basis.offence.label),
        "on": basis.on,
        "after_as_at": basis.after_as_at,
        "instruments": [
            {
                "instrument": answer.instrument.slug,
                "title": answer.instrument.display_title(),
                "binds_both": answer.binds_both,
                "reason": answer.reason or None,
                "reason_label": answer.reason_label,
                "as_at": answer.dated.as_at,
                "after_as_at": answer.dated.after_as_at,
                "as_at_note": answer.as_at_note,
                "requesting": _side(answer.requesting),
                "requested": _side(answer.requested),
                "articles": [
                    {
                        "role": article.role,
                        "role_label": article.role_label,
                        "article": article.article or None,
                        "note": article.note,
                        "citations": citation_data(register, article.source),
                    }
                    for article in answer.articles
                ],
                "statements": [
                    {
                        "state": statement.action.state.iso3,
                        "kind": statement.kind,
                        "text": statement.text,
                        "date": statement.date,
                        "source": statement.source,
                    }
                    for statement in answer.statements
                ],
            }
            for answer in basis.instruments
        ],
        "treaties": [
            {
                "title": treaty.title,
                "kind": treaty.kind,
                "signed_on": treaty.signed_on,
                "in_force_on": treaty.in_force_on,
                "source": treaty.source,
            }
            for treaty in basis.treaties
        ],
    }


def as_lines(basis: LegalBasis) -> list[str]:
    """The answer as plain text, one fact a line (the command's text format)."""
    lines = [
        f"{basis.requesting.iso3} → {basis.requested.iso3}, {basis.offence.label}, {basis.on.isoformat()}",
    ]
    for answer in basis.instruments:
        verdict = _("in force for both") if answer.binds_both else answer.reason_label
        lines.append("")
        lines.append(f"{answer.instrument.display_title()} [{answer.instrument.slug}]: {verdict}")
        if answer.as_at_note:
            lines.append(f"  {answer.as_at_note}")
        for side in (answer.requesting, answer.requested):
            if side is None:
                continue
            eif = side.entry_into_force
            state_line = f"  {side.state.iso3}: {side.position.get_standing_label()}"
            if eif:
                state_line += " — " + _("in force since %(date)s") % {"date": eif.isoformat()}
            if side.joined_on:
                state_line += " — " + _("joined on %(date)s") % {"date": side.joined_on.isoformat()}
            lines.append(state_line)
        for article in answer.articles:
            where = _("article %(article)s") % {"article": article.article} if article.article else "—"
            cited = article.source or _("no source")
            lines.append(f"    {where}: {article.role_label} ({cited})")
        for statement in answer.statements:
            lines.append(
                f"    {statement.action.state.iso3} {statement.get_kind_display()}: {statement.text}"
            )
    for treaty in basis.treaties:
        lines.append("")
        lines.append(
            f"{treaty.title}: " + _("in force since %(date)s") % {"date": treaty.in_force_on.isoformat()}
        )
    return lines
