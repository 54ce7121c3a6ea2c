"""Voluntary contributions and expenditure (F8): the contributions table for a period (public
for contributions a report has printed; a donor also sees its own) and the biennium (staff;
a donor its own lines)."""

import datetime

from django.utils.translation import get_language
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from accounts.access import may_see_donor, may_see_funding_details
from ctassist.languages import data_language
from funding.contributions import contributions
from funding.expenditure import BadBiennium, biennium, parse_biennium
from projects.models import Donor

router = Router(tags=["funding"])


class ContributionRowOut(Schema):
    donor: str = Field(description="UN name of a state in the language asked, else the donor's name")
    donor_id: int
    state: str | None = Field(description="ISO3 of a donor that is a state")
    total_usd: str = Field(description="US dollars rounded to the dollar (half up), as a string")
    pledged_only: bool = Field(description="true for pledges not paid by the end of the period (note a)")
    sources: list[str] = Field(description="citations: source key and locator")
    demonstration: bool


class ContributionsOut(Schema):
    from_: str = Field(alias="from")
    to: str
    currency: str
    rows: list[ContributionRowOut]
    total_usd: str = Field(description="the sum of the rounded rows, never a figure typed from a source")
    notes: list[str] = Field(description="where a source's printed total differs from the sum of its rows")


class ContributionsQuery(Schema):
    from_: datetime.date = Field(alias="from")
    to: datetime.date
    donor: int | None = None


class ExpenditureLineOut(Schema):
    received_usd: str
    spent_usd: str
    committed_usd: str
    left_usd: str


class DonorLineOut(ExpenditureLineOut):
    donor: str
    donor_id: int


class ProjectLineOut(ExpenditureLineOut):
    project: str
    title: str


class ExpenditureOut(Schema):
    biennium: str
    currency: str
    donors: list[DonorLineOut]
    projects: list[ProjectLineOut]


@router.get(
    "/contributions",
    response=ContributionsOut,
    by_alias=True,
    summary="The contributions table for a period (from and to are included)",
)
def list_contributions(request, query: Query[ContributionsQuery]):
    if query.to < query.from_:
        raise HttpError(400, f"'to' ({query.to}) is before 'from' ({query.from_}).")
    table = contributions(query.from_, query.to, user=request.user, donor_id=query.donor)
    if query.donor is not None:
        donor = Donor.objects.filter(id=query.donor).first()
        if donor is None or (not may_see_donor(request.user, donor) and not table.rows):
            raise HttpError(404, f"No donor with id {query.donor} that you may see.")
    return table.as_json(data_language(get_language()))


@router.get(
    "/expenditure", response=ExpenditureOut, summary="Received, spent, committed and left in a biennium"
)
def get_expenditure(request, biennium_: str = Query(..., alias="biennium", description="e.g. 2004-2005")):
    if not may_see_funding_details(request.user):
        raise HttpError(404, "Not found.")
    try:
        first_year = parse_biennium(biennium_)
    except BadBiennium as error:
        raise HttpError(400, str(error)) from None
    return biennium(first_year, user=request.user).as_json(data_language(get_language()))
