import datetime

from django.urls import reverse
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from accounts.access import Action, can, visible
from ctassist.languages import UN_LANGUAGES
from instruments.models import Depositary, Instrument
from sources.citations import Register, as_data

router = Router(tags=["instruments"])


class CitationOut(Schema):
    key: str | None = Field(
        description="Key of the source in the register (/api/v1/sources/ fields); null if unregistered"
    )
    locator: str = Field(description="Where in the source, e.g. 'art. 26(1)'")
    title: str
    publisher: str
    date: str = Field(
        description="As precise as the source is: YYYY, YYYY-MM or YYYY-MM-DD; blank if not known"
    )
    url: str
    kind: str = Field(
        description="'official', 'third-party' (a copy) or 'ctassist' (its own summary or translation)"
    )


class TitleOut(Schema):
    title: str
    source: str = Field(description="Provenance as gathered")
    note: str
    citations: list[CitationOut]


class EntryIntoForceRuleOut(Schema):
    known: bool = Field(description="Whether ctassist can compute a state's date from this rule")
    clause_general: str
    clause_later: str
    threshold: int | None = Field(description="Instruments of consent needed for entry into force")
    threshold_basis: str
    delay: int | None
    delay_unit: str = Field(description="'days' or 'month-start' (first day of the n-th month)")
    later_delay: int | None
    later_delay_unit: str
    later_rule: str = Field(description="'after-deposit' or 'later-of'")
    special: str


class InstrumentOut(Schema):
    slug: str
    position: int
    short_name: str
    url: str
    titles: dict[str, TitleOut | None] = Field(
        description="Official title per UN language (ar zh en fr ru es); null where no source gives one"
    )
    adoption_date: datetime.date
    adoption_place: str
    opened_for_signature: datetime.date | None
    signature_place: str
    entry_into_force_date: datetime.date | None
    depositary: str
    depositary_label: str
    depositary_detail: str
    entry_into_force_rule: EntryIntoForceRuleOut
    relates_to: str | None = Field(description="Slug of the instrument this one amends or supplements")
    relation: str
    sources: dict[str, str] = Field(description="Provenance of each fact as gathered, keyed by fact")
    citations: dict[str, list[CitationOut]] = Field(
        description="Each fact's sources from the register, keyed by fact"
    )
    translations: dict[str, dict[str, str]] = Field(
        description="ctassist's own translations of adoption_place, signature_place and "
        "eif_threshold_basis, per language"
    )


def instrument_out(instrument: Instrument, register: Register | None = None) -> dict:
    register = register or Register()
    titles = instrument.titles_by_language()
    return {
        "slug": instrument.slug,
        "position": instrument.position,
        "short_name": instrument.short_name,
        "url": reverse("instruments:detail", args=[instrument.slug]),
        "titles": {
            language: (
                {
                    "title": titles[language].title,
                    "source": titles[language].source,
                    "note": titles[language].note,
                    "citations": as_data(register, titles[language].citation),
                }
                if titles[language]
                else None
            )
            for language in UN_LANGUAGES
        },
        "adoption_date": instrument.adoption_date,
        "adoption_place": instrument.adoption_place,
        "opened_for_signature": instrument.opened_for_signature,
        "signature_place": instrument.signature_place,
        "entry_into_force_date": instrument.entry_into_force_date,
        "depositary": instrument.depositary,
        "depositary_label": str(Depositary(instrument.depositary).label),
        "depositary_detail": instrument.depositary_detail,
        "entry_into_force_rule": {
            "known": instrument.eif_rule_known,
            "clause_general": instrument.eif_clause_general,
            "clause_later": instrument.eif_clause_later,
            "threshold": instrument.eif_threshold,
            "threshold_basis": instrument.eif_threshold_basis,
            "delay": instrument.eif_delay,
            "delay_unit": instrument.eif_delay_unit,
            "later_delay": instrument.later_delay,
            "later_delay_unit": instrument.later_delay_unit,
            "later_rule": instrument.later_rule,
            "special": instrument.eif_special,
        },
        "relates_to": instrument.relates_to.slug if instrument.relates_to else None,
        "relation": instrument.relation,
        "sources": instrument.sources,
        "citations": {fact: as_data(register, text) for fact, text in instrument.citations.items()},
        "translations": instrument.translations,
    }


@router.get("", response=list[InstrumentOut], summary="The universal instruments")
def list_instruments(
    request,
    depositary: Depositary | None = None,
    decade: int | None = None,
    adopted_by: datetime.date | None = None,
):
    """All 19 instruments, in order of adoption. `adopted_by=YYYY-MM-DD` gives those that
    existed on that date; `decade=1990` those adopted in the 1990s."""
    instruments = visible(request.user, Instrument.objects.with_titles().select_related("relates_to"))
    if depositary:
        instruments = instruments.filter(depositary=depositary)
    if decade is not None:
        instruments = instruments.filter(adoption_date__year__gte=decade, adoption_date__year__lt=decade + 10)
    if adopted_by:
        instruments = instruments.adopted_by(adopted_by)
    register = Register()  # read once for the whole list
    return [instrument_out(instrument, register) for instrument in instruments]


@router.get("/{slug}", response=InstrumentOut, summary="One instrument")
def get_instrument(request, slug: str):
    instrument = Instrument.objects.with_titles().select_related("relates_to").filter(slug=slug).first()
    if instrument is None or not can(request.user, Action.VIEW, instrument):
        raise HttpError(404, f"No instrument with slug {slug!r}; GET /api/v1/instruments lists the slugs.")
    return instrument_out(instrument)
