"""Received, spent, committed and left per biennium, per donor and per project
(resolution 62/172 op. 9 asks for expenditure to be reported per biennium).

- received: payments dated in the biennium; a project's are the payments against pledges
  earmarked for it;
- spent and committed: expenditure dated in the biennium, by kind;
- left: received − spent − committed (negative when a project spent money received
  earlier or from money not earmarked for it: the records say so, nothing is smoothed);
- a donor's spent and committed are its share of each project it paid for, in proportion
  to what it paid that project in the biennium.

Amounts are summed to the cent and rounded to the dollar (half up) in each cell."""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext as _

from accounts.access import visible
from funding.contributions import donor_name
from funding.models import Expenditure, ExpenditureKind, Payment
from funding.money import to_dollars
from projects.models import Donor, Project

ZERO = Decimal("0")
BIENNIUM = re.compile(r"^(\d{4})-(\d{4})$")


class BadBiennium(ValueError):
    pass


def parse_biennium(text: str) -> int:
    """The first year of a biennium written "2004-2005"."""
    match = BIENNIUM.match((text or "").strip())
    if not match or int(match[2]) != int(match[1]) + 1:
        raise BadBiennium(
            _("%(text)s is not a biennium: write two consecutive years, e.g. 2004-2005.") % {"text": text}
        )
    return int(match[1])


@dataclass
class Line:
    record: object  # a Donor or a Project
    received: Decimal = ZERO
    spent: Decimal = ZERO
    committed: Decimal = ZERO

    @property
    def left(self) -> Decimal:
        return self.received - self.spent - self.committed

    def as_dollars(self) -> dict:
        return {name: to_dollars(getattr(self, name)) for name in ("received", "spent", "committed", "left")}


@dataclass
class Biennium:
    first_year: int
    donors: list[Line] = field(default_factory=list)
    projects: list[Line] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.first_year}–{self.first_year + 1}"

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.first_year, 1, 1)

    @property
    def end(self) -> datetime.date:
        return datetime.date(self.first_year + 1, 12, 31)

    def as_json(self, language: str | None = None) -> dict:
        return {
            "biennium": f"{self.first_year}-{self.first_year + 1}",
            "currency": "USD",
            "donors": [
                {"donor": donor_name(line.record, language), "donor_id": line.record.id, **_strings(line)}
                for line in self.donors
            ],
            "projects": [
                {"project": line.record.code, "title": line.record.title, **_strings(line)}
                for line in self.projects
            ],
        }


def _strings(line: Line) -> dict:
    return {f"{name}_usd": str(value) for name, value in line.as_dollars().items()}


def biennium(first_year: int, user=None) -> Biennium:
    """The biennium's lines as `user` may see them (all when None: a command run by staff)."""
    result = Biennium(first_year)
    span = (result.start, result.end)
    payments = Payment.objects.filter(date__range=span)
    by_project: dict[int, Line] = {}
    by_donor: dict[int, Line] = {}
    paid = defaultdict(Decimal)  # (donor, project) → received
    for donor_id, project_id, amount in payments.values_list("donor_id", "pledge__project_id", "amount_usd"):
        by_donor.setdefault(donor_id, Line(None)).received += amount
        if project_id:
            by_project.setdefault(project_id, Line(None)).received += amount
            paid[donor_id, project_id] += amount
    spending = (
        Expenditure.objects.filter(date__range=span)
        .values("project_id", "kind")
        .annotate(total=Sum("amount_usd"))
    )
    for row in spending:
        line = by_project.setdefault(row["project_id"], Line(None))
        if row["kind"] == ExpenditureKind.SPENT:
            line.spent += row["total"]
        else:
            line.committed += row["total"]
    for (donor_id, project_id), amount in paid.items():
        project = by_project[project_id]
        if not project.received:
            continue
        share = amount / project.received
        by_donor[donor_id].spent += project.spent * share
        by_donor[donor_id].committed += project.committed * share
    donors = Donor.objects.select_related("state").filter(id__in=by_donor)
    projects = Project.objects.filter(id__in=by_project)
    if user is not None:
        donors, projects = visible(user, donors), visible(user, projects)
    for donor in donors:
        by_donor[donor.id].record = donor
        result.donors.append(by_donor[donor.id])
    for project in projects.order_by("code"):
        by_project[project.id].record = project
        result.projects.append(by_project[project.id])
    result.donors.sort(key=lambda line: (-line.received, line.record.name))
    return result
