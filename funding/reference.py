"""Loading the contributions that reports print (data/reference/contributions_*.csv).

Each row is one line of a report's contributions table: a payment received, or a pledge
not yet paid (the report's note a). The report gives no day, only the year it reports in,
so records are dated to the year. The total a report prints under its table is loaded as a
`PrintedTotal`, to be compared with the sum of the rows, never printed as ctassist's own."""

import datetime
from decimal import Decimal, InvalidOperation

from ctassist.reference import LoadReport, read_rows, reference_path, save_if_changed
from funding.models import DatePrecision, Payment, Pledge, PrintedTotal
from projects.models import Donor, DonorKind
from sources.reference import check_citation
from states.models import State

CONTRIBUTION_FILES = ["contributions_2004.csv"]
COLUMNS = ["key", "donor_as_printed", "state", "amount_usd", "pledged_only", "year", "source", "locator"]


def _amount(row, column: str) -> Decimal:
    text = row.text(column, required=True).replace(" ", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise row.error(column, f"{text!r} is not an amount") from None
    if amount < 0:
        raise row.error(column, f"{text!r} is negative")
    return amount


def load_contributions(report: LoadReport, sources) -> None:
    states = {state.iso3: state for state in State.objects.all()}
    keys = []
    for name in CONTRIBUTION_FILES:
        for row in read_rows(reference_path(name), COLUMNS):
            key = row.text("key", required=True)
            if key in keys:
                raise row.error("key", f"{key!r} appears twice")
            keys.append(key)
            state = row.state("state", states, required=True)
            donor = save_if_changed(
                Donor,
                {"name": state.name("en")},
                {"kind": DonorKind.STATE, "state": state, "demonstration": False},
                report,
                "donors",
            )
            year = row.integer("year", required=True)
            source = check_citation(row, "source", sources, required=True)
            values = {
                "donor": donor,
                "date": datetime.date(year, 1, 1),
                "date_precision": DatePrecision.YEAR,
                "amount": _amount(row, "amount_usd"),
                "currency": "USD",
                "source": f"{source} {row.text('locator')}".strip(),
                "note": f"As printed: {row.text('donor_as_printed', required=True)}",
            }
            pledged_only = row.choice("pledged_only", ["yes"]) == "yes"
            # A row may change from pledge to payment in a corrected file: the other kind goes.
            model, other = (Pledge, Payment) if pledged_only else (Payment, Pledge)
            other.objects.filter(reference_key=key).delete()
            save_if_changed(model, {"reference_key": key}, values, report, "contributions")
    for model in (Payment, Pledge):
        model.objects.exclude(reference_key="").exclude(reference_key__in=keys).delete()
    load_printed_totals(report, sources)


def load_printed_totals(report: LoadReport, sources) -> None:
    seen = []
    for row in read_rows(
        reference_path("contributions_printed_totals.csv"), ["source", "locator", "amount", "currency"]
    ):
        source = check_citation(row, "source", sources, required=True)
        seen.append(source)
        values = {
            "amount": _amount(row, "amount"),
            "currency": row.text("currency", required=True),
            "locator": row.text("locator"),
        }
        save_if_changed(PrintedTotal, {"source": source}, values, report, "printed totals")
    PrintedTotal.objects.exclude(source__in=seen).delete()
