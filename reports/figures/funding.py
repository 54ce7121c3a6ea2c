"""The contributions table of the report, as funding builds it (funding/contributions.py)."""

from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

from funding.contributions import contributions as contributions_table
from funding.models import Payment, Pledge
from reports.figures.base import Figure, Table, TableRow
from reports.figures.refs import contribution_ref
from reports.figures.scope import Scope

SECTION = "funding"


def _rows(scope: Scope):
    """The funding table's rows this report may count, and the table (for its notes).

    A public report reads the table as an anonymous reader does (the contributions a report
    has printed); an internal one reads every record. Demonstration donors have only
    demonstration records, so a row is a demonstration row or a real one."""
    if scope.internal:
        table = contributions_table(scope.start, scope.end, user=None)
        rows = [row for row in table.rows if scope.demonstration or not row.demonstration]
        return table, rows
    table = contributions_table(scope.start, scope.end, user=AnonymousUser())
    rows = list(table.rows)
    if scope.demonstration:
        every = contributions_table(scope.start, scope.end, user=None)
        rows += [row for row in every.rows if row.demonstration]
        rows.sort(key=lambda row: (-row.total, row.donor.name))
    return table, rows


def contributions(scope: Scope) -> Figure:
    language = scope.language
    table, rows = _rows(scope)
    members = {}  # id(row) -> [(model, id)]
    for by_record in table.members.values():
        for (model, pk), row in by_record.items():
            members.setdefault(id(row), []).append((model, pk))
    if scope.demonstration and not scope.internal:
        # The demonstration rows came from the second table: read their records from it.
        every = contributions_table(scope.start, scope.end, user=None)
        by_donor = {(row.donor.id, row.pledged_only): row for row in rows}
        for by_record in every.members.values():
            for (model, pk), row in by_record.items():
                if row.demonstration and (row.donor.id, row.pledged_only) in by_donor:
                    members.setdefault(id(by_donor[(row.donor.id, row.pledged_only)]), []).append((model, pk))
    payments = Payment.objects.in_bulk(
        [pk for pairs in members.values() for m, pk in pairs if m == "Payment"]
    )
    pledges = Pledge.objects.in_bulk([pk for pairs in members.values() for m, pk in pairs if m == "Pledge"])
    kind_label = {"Payment": _("payment"), "Pledge": _("pledge")}

    def refs(row) -> list:
        found = []
        for model, pk in sorted(members.get(id(row), [])):
            record = (payments if model == "Payment" else pledges).get(pk)
            if record is not None:
                what = f"{kind_label[model]} {record.date.isoformat()}, {record.amount} {record.currency}"
                label = f"{row.name(language)}: {what}"
                found.append(contribution_ref(record, label))
        return found

    table_rows = [
        TableRow(
            [row.name(language), row.total, _("pledged, not yet paid") if row.pledged_only else ""], refs(row)
        )
        for row in rows
    ]
    total = sum((row.total for row in rows), Decimal("0"))
    return Figure(
        key="contributions",
        section=SECTION,
        title=_("Contributions"),
        value=total,
        records=[ref for row in table_rows for ref in row.records],
        table=Table([_("Donor"), _("Total (US dollars)"), _("Pledge")], table_rows),
        unit="USD",
        note=" ".join(str(note) for note in table.notes),
    )
