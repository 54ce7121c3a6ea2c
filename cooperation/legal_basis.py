"""The legal basis two states share for cooperation on an offence on a date (issue 14).

For each instrument that covers the offence: is it in force for both states on the date,
computed from the treaty actions as participation computes it (each state's entry into force
by the instrument's clause, denunciations from the day they take effect)? Where an instrument's
status list is older than the date asked, the positions are those on the list's date and the
answer says so; an instrument without a status list is "unknown", never "not a party".
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cooperation.models import BilateralTreaty
from cooperation.offences import CooperationArticle, Offence, articles_of
from ctassist.languages import django_language
from instruments.models import Instrument
from participation import standing
from participation.as_at import StatusDate, status_dates
from participation.models import CONSENT_KINDS, Statement, TreatyAction
from participation.standing import Position, Standing


class Reason:
    """Why an instrument covering the offence does not serve between the two states."""

    UNKNOWN = "unknown"
    NOT_ADOPTED = "not-adopted"
    NOT_PARTY = "not-party"
    JOINED_LATER = "joined-later"
    NOT_YET_IN_FORCE = "not-yet-in-force"
    DENOUNCED = "denounced"


REASON_LABELS = {
    Reason.UNKNOWN: gettext_lazy("unknown: no status list in ctassist"),
    Reason.NOT_ADOPTED: gettext_lazy("not yet adopted on the date"),
    Reason.NOT_PARTY: gettext_lazy("not a party"),
    Reason.JOINED_LATER: gettext_lazy("joined after the date"),
    Reason.NOT_YET_IN_FORCE: gettext_lazy("party, but not yet in force (or not computed) on the date"),
    Reason.DENOUNCED: gettext_lazy("denounced"),
}


@dataclass
class StateSide:
    """One state's position towards one instrument, as the answer shows it."""

    state: object
    position: Position
    reason: str = ""  # "" where the instrument is in force for the state
    joined_on: datetime.date | None = None  # a consent deposited after the date

    @property
    def in_force(self) -> bool:
        return self.position.standing == Standing.IN_FORCE

    @property
    def entry_into_force(self) -> datetime.date | None:
        eif = self.position.entry_into_force
        return eif.date if eif else None

    @property
    def reason_label(self) -> str:
        return str(REASON_LABELS[self.reason]) if self.reason else ""


@dataclass
class InstrumentAnswer:
    instrument: Instrument
    articles: tuple[CooperationArticle, ...]
    dated: StatusDate
    requesting: StateSide | None = None
    requested: StateSide | None = None
    statements: list = field(default_factory=list)  # reservations and declarations on the articles
    reason: str = ""  # "" where in force for both

    @property
    def binds_both(self) -> bool:
        return not self.reason

    @property
    def reason_label(self) -> str:
        return str(REASON_LABELS[self.reason]) if self.reason else ""

    @property
    def as_at_note(self) -> str:
        """What the answer can and cannot say for a date after the status list's date."""
        if not self.dated.after_as_at:
            return ""
        return _("as at %(date)s; later actions not recorded") % {"date": self.dated.as_at.isoformat()}


@dataclass
class LegalBasis:
    requesting: object
    requested: object
    offence: Offence
    on: datetime.date
    instruments: list[InstrumentAnswer]
    treaties: list  # BilateralTreaty in force between the two on the date

    @property
    def binding(self) -> list[InstrumentAnswer]:
        return [answer for answer in self.instruments if answer.binds_both]

    @property
    def not_binding(self) -> list[InstrumentAnswer]:
        return [answer for answer in self.instruments if not answer.binds_both]

    @property
    def after_as_at(self) -> bool:
        return any(answer.dated.after_as_at for answer in self.instruments)


def _side(state, instrument, found, with_data, later_consents) -> StateSide:
    position = standing.position_of(found, state.id, instrument, with_data)
    side = StateSide(state, position)
    if position.standing == Standing.NO_DATA:
        side.reason = Reason.UNKNOWN
    elif position.standing == Standing.DENOUNCED:
        side.reason = Reason.DENOUNCED
    elif position.standing == Standing.PARTY:
        side.reason = Reason.NOT_YET_IN_FORCE
    elif position.standing != Standing.IN_FORCE:
        side.joined_on = later_consents.get((state.id, instrument.id))
        side.reason = Reason.JOINED_LATER if side.joined_on else Reason.NOT_PARTY
    return side


def _later_consents(instruments, states, on) -> dict[tuple, datetime.date]:
    """The first consent each state deposited after the date (within the status list)."""
    found: dict[tuple, datetime.date] = {}
    rows = (
        TreatyAction.objects.filter(
            instrument__in=instruments, state__in=states, kind__in=CONSENT_KINDS, date__gt=on
        )
        .order_by("date")
        .values_list("state_id", "instrument_id", "date")
    )
    for state_id, instrument_id, day in rows:
        found.setdefault((state_id, instrument_id), day)
    return found


ARTICLE_MENTION = re.compile(
    r"\bart(?:icles?|s?\.)\s*((?:[0-9IVX]+\w*(?:\s*\(\w+\))*(?:\s*(?:,|and|or)\s*)?)+)", re.I
)


def _named_articles(text: str) -> set[str]:
    """The article numbers a statement names ("article 24, paragraph 1" → {"24"})."""
    named = set()
    for listing in ARTICLE_MENTION.findall(text or ""):
        named.update(re.findall(r"\b([0-9]+|[IVX]+)(?:bis|ter|quater)?\b", re.sub(r"\([^)]*\)", "", listing)))
    return named


def _on_articles(statement, articles, on) -> bool:
    if statement.withdrawn_on and statement.withdrawn_on <= on:
        return False
    numbers = {re.match(r"[0-9IVX]+", a.article).group(0) for a in articles if a.article}
    named = _named_articles(statement.text)
    if named:
        return bool(named & numbers)
    # A statement that names no article but speaks of extradition or assistance concerns them.
    text = statement.text.lower()
    return any(word in text for word in ("extradit", "legal assistance", "legal basis"))


def _statements(answer: InstrumentAnswer, on) -> list:
    action_ids = [
        action.id
        for side in (answer.requesting, answer.requested)
        for action in (side.position.signature, side.position.consent)
        if action is not None
    ]
    found = Statement.objects.filter(action_id__in=action_ids).select_related("action__state")
    return [s for s in found if _on_articles(s, answer.articles, on)]


def find_legal_basis(requesting, requested, offence: Offence, on: datetime.date) -> LegalBasis:
    """What binds `requesting` and `requested` (State records) for `offence` on `on`."""
    instruments = list(
        Instrument.objects.with_titles().filter(slug__in=offence.instruments).order_by("position")
    )
    adopted = [instrument for instrument in instruments if instrument.adoption_date <= on]
    dates = status_dates(on, instruments)
    with_data = {instrument_id for instrument_id, dated in dates.items() if dated.has_list}
    states = [requesting, requested]
    found = standing.positions_as_at(dates, adopted, [state.id for state in states])
    later = _later_consents(adopted, states, on)
    answers = []
    for instrument in instruments:
        answer = InstrumentAnswer(instrument, articles_of(instrument.slug), dates[instrument.id])
        answers.append(answer)
        if instrument not in adopted:
            answer.reason = Reason.NOT_ADOPTED
            continue
        answer.requesting = _side(requesting, instrument, found, with_data, later)
        answer.requested = _side(requested, instrument, found, with_data, later)
        reasons = [side.reason for side in (answer.requesting, answer.requested) if side.reason]
        # "Unknown" outranks the rest: with no list, nothing can be said of either state.
        answer.reason = Reason.UNKNOWN if Reason.UNKNOWN in reasons else (reasons[0] if reasons else "")
        answer.statements = _statements(answer, on)
    treaties = list(BilateralTreaty.objects.between(requesting, requested).in_force_on(on))
    return LegalBasis(requesting, requested, offence, on, answers, treaties)


def _article_list(articles) -> str:
    return "; ".join(
        _("article %(article)s (%(role)s)") % {"article": a.article, "role": a.role_label}
        for a in articles
        if not a.is_gap
    )


def legal_basis_text(basis: LegalBasis, language: str) -> str:
    """A paragraph naming the instruments and articles, in `language` (a data code: en, zh…),
    for a request to quote as its legal basis."""
    with translation.override(django_language(language)):
        requesting, requested = basis.requesting.name(language), basis.requested.name(language)
        sentences = []
        for answer in basis.binding:
            title = answer.instrument.display_title(language)
            articles = _article_list(answer.articles)
            sentence = _(
                "The %(instrument)s is in force for %(requesting)s since %(requesting_date)s and for "
                "%(requested)s since %(requested_date)s"
            ) % {
                "instrument": title,
                "requesting": requesting,
                "requesting_date": _date(answer.requesting.entry_into_force),
                "requested": requested,
                "requested_date": _date(answer.requested.entry_into_force),
            }
            if answer.as_at_note:
                sentence += " (" + answer.as_at_note + ")"
            if articles:
                sentence += "; " + _("the request relies on %(articles)s") % {"articles": articles}
            sentences.append(sentence + ".")
        for treaty in basis.treaties:
            sentences.append(
                _("The %(treaty)s, in force since %(date)s, also applies.")
                % {"treaty": treaty.title, "date": _date(treaty.in_force_on)}
            )
        if not sentences:
            sentences.append(
                _(
                    "No instrument covering this offence is recorded as in force between %(requesting)s "
                    "and %(requested)s on %(date)s."
                )
                % {"requesting": requesting, "requested": requested, "date": _date(basis.on)}
            )
        separator = "" if language in ("zh",) else " "
        return separator.join(sentences)


def _date(day: datetime.date | None) -> str:
    return day.isoformat() if day else _("a date ctassist does not compute")
