import datetime

from ninja import Field, Router, Schema

from accounts.access import visible
from outcomes.models import Outcome, OutcomeStatus

router = Router(tags=["outcomes"])


class OutcomeActivityOut(Schema):
    id: int
    title: str
    starts_on: datetime.date
    ends_on: datetime.date


class DepositOut(Schema):
    instrument: str = Field(description="slug")
    kind: str = Field(description="ratification, accession, acceptance, approval or succession")
    date: datetime.date


class LawOut(Schema):
    slug: str
    title: str
    adopted_on: datetime.date | None


class OutcomeOut(Schema):
    id: int
    activity: OutcomeActivityOut | None = Field(
        description="the activity it followed; null when a source reports it without naming one"
    )
    state: str = Field(description="ISO3")
    kind: str = Field(description="'ratification' or 'law'")
    status: str = Field(description="proposed, confirmed or rejected")
    deposit: DepositOut | None = Field(description="for a ratification: the deposit of consent to be bound")
    law: LawOut | None = Field(description="for a law: the law adopted")
    reason: str = Field(description="why it was proposed (and, when rejected, why)")
    decided_on: datetime.datetime | None
    source: str = Field(
        description="key of the source that reports it (see the sources register); empty if none"
    )
    source_locator: str = Field(description="where in the source, e.g. 'para. 7, note 2'")
    reported_on: datetime.date | None = Field(description="the date the source reports it as at")
    demonstration: bool = Field(description="true when the activity is a generated demonstration record")


@router.get("/outcomes", response=list[OutcomeOut], summary="Outcomes of assistance you may see")
def list_outcomes(request, state: str | None = None, status: OutcomeStatus | None = None):
    outcomes = visible(
        request.user, Outcome.objects.select_related("activity", "state", "treaty_action__instrument", "law")
    )
    if state:
        outcomes = outcomes.filter(state__iso3=state.upper())
    if status:
        outcomes = outcomes.filter(status=status)
    return [outcome_out(outcome) for outcome in outcomes]


def outcome_out(outcome: Outcome) -> dict:
    action, law, activity = outcome.treaty_action, outcome.law, outcome.activity
    return {
        "id": outcome.id,
        "activity": {
            "id": activity.id,
            "title": activity.title,
            "starts_on": activity.starts_on,
            "ends_on": activity.ends_on,
        }
        if activity
        else None,
        "state": outcome.state.iso3,
        "kind": outcome.kind,
        "status": outcome.status,
        "deposit": {"instrument": action.instrument.slug, "kind": action.kind, "date": action.date}
        if action
        else None,
        "law": {"slug": law.slug, "title": law.title, "adopted_on": law.adopted_on} if law else None,
        "reason": outcome.reason,
        "decided_on": outcome.decided_on,
        "source": outcome.source,
        "source_locator": outcome.source_locator,
        "reported_on": outcome.reported_on,
        "demonstration": activity.demonstration if activity else False,
    }
