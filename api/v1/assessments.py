from ninja import Field, Router, Schema
from ninja.errors import HttpError

from accounts.access import Action, can
from assessments.models import Obligation, Review
from instruments.models import Instrument
from states.models import State

router = Router(tags=["legislative review"])


class ObligationOut(Schema):
    id: int
    instrument: str
    article: str
    category: str
    concepts: list[str] = Field(description="Concept identifiers of the thesaurus, most specific first")
    descriptions: dict[str, str] = Field(
        description="ctassist's summary of the obligation (not the treaty text), by language "
        "(ar zh en fr ru es): the English, and each translation of the current English; a "
        "language without one is left out"
    )
    complete: bool = Field(description="false where the treaty text is not yet in ctassist")
    source: str
    treaty_text: str = Field(description="Address of the treaty text summarised; empty where none")


class FindingOut(Schema):
    obligation: ObligationOut
    status: str = Field(description="fully, partly, not, not-applicable or not-assessed")
    provisions: list[int] = Field(
        description="Ids of the implementing provisions (GET /api/v1/provisions/{id})"
    )
    reasoning: str
    recommendation: str
    suggested_wording: str


class ReviewOut(Schema):
    state: str
    instrument: str
    status: str = Field(description="draft, in-review or final")
    coverage: dict
    findings: list[FindingOut]


def obligation_out(obligation: Obligation) -> dict:
    return {
        "id": obligation.id,
        "instrument": obligation.instrument.slug,
        "article": obligation.article,
        "category": obligation.category,
        "concepts": obligation.concept_order,
        "descriptions": obligation.descriptions(),
        "complete": obligation.complete,
        "source": obligation.source,
        "treaty_text": obligation.treaty_text,
    }


@router.get("/obligations", response=list[ObligationOut], summary="The checklist of obligations")
def list_obligations(request, instrument: str | None = None):
    obligations = Obligation.objects.select_related("instrument").prefetch_related("texts")
    if instrument:
        if not Instrument.objects.filter(slug=instrument).exists():
            raise HttpError(
                404, f"No instrument with slug {instrument!r}; GET /api/v1/instruments lists them."
            )
        obligations = obligations.filter(instrument__slug=instrument)
    return [obligation_out(o) for o in obligations]


@router.get("/states/{iso3}/review", response=ReviewOut, summary="A state's review against one instrument")
def state_review(request, iso3: str, instrument: str):
    state = State.objects.filter(iso3=iso3.upper()).first()
    review = (
        Review.objects.filter(state=state, instrument__slug=instrument).select_related("instrument").first()
    )
    if review is None or not can(request.user, Action.VIEW, review):
        raise HttpError(404, f"No review of {iso3.upper()} against {instrument!r} that you may see.")
    findings = review.findings.select_related("obligation__instrument").prefetch_related(
        "provisions", "obligation__texts"
    )
    return {
        "state": review.state.iso3,
        "instrument": review.instrument.slug,
        "status": review.status,
        "coverage": review.coverage(),
        "findings": [
            {
                "obligation": obligation_out(f.obligation),
                "status": f.status,
                "provisions": [p.id for p in f.provisions.all()],
                "reasoning": f.reasoning,
                "recommendation": f.recommendation,
                "suggested_wording": f.suggested_wording,
            }
            for f in findings
        ],
    }
