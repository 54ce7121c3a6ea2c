"""The contributions table of the reports: donor, total in US dollars, a marker on pledges
not yet paid, and the total, for any period.

A row is a donor's payments received in the period, or its pledges of the period not
paid by the period's end (marked, as the reports mark them with note a). Rows are rounded
to the dollar and the total is the sum of the rounded rows (funding/money.py). The total a
source prints is never shown as ctassist's: where the source's rows add up to something
else, the table carries a note saying so."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from babel.numbers import format_decimal
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from accounts.access import visible
from ctassist.languages import babel_locale, data_language
from funding.models import Payment, Pledge, PrintedTotal
from funding.money import to_dollars
from sources.models import Source
from sources.templatetags.citations import marked

ZERO = Decimal("0")


def donor_name(donor, language: str | None = None) -> str:
    """A state's UN name in the language; another donor's name as recorded."""
    if donor.state_id:
        return donor.state.name(data_language(language))
    return donor.name


def dollars(amount: Decimal, language: str | None = None) -> str:
    """Whole dollars, grouped as the language groups thousands (CLDR, Latin digits as the UN prints)."""
    locale = babel_locale(data_language(language))
    return format_decimal(to_dollars(amount), "#,##0", locale=locale)


def source_key(citation: str) -> str:
    return (citation or "").split(" ", 1)[0]


@dataclass
class Row:
    donor: object
    pledged_only: bool
    amount_usd: Decimal = ZERO  # to the cent; `total` is what the reports print
    citations: list[str] = field(default_factory=list)
    demonstration: bool = False

    @property
    def total(self) -> Decimal:
        return to_dollars(self.amount_usd)

    def name(self, language: str | None = None) -> str:
        return donor_name(self.donor, language)


@dataclass
class Table:
    start: datetime.date
    end: datetime.date
    rows: list[Row]
    members: dict  # per source key: its records in the table and the rows they are in

    @property
    def notes(self) -> list[str]:
        """In the active language: computed when asked, so a document in another language gets its own."""
        return printed_total_notes(self.members)

    @property
    def total(self) -> Decimal:
        return sum((row.total for row in self.rows), ZERO)

    @property
    def has_pledges(self) -> bool:
        return any(row.pledged_only for row in self.rows)

    @property
    def sources(self) -> list[Source]:
        keys = {source_key(c) for row in self.rows for c in row.citations} - {""}
        return list(Source.objects.filter(key__in=keys))

    def as_json(self, language: str | None = None) -> dict:
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "currency": "USD",
            "rows": [
                {
                    "donor": row.name(language),
                    "donor_id": row.donor.id,
                    "state": row.donor.state.iso3 if row.donor.state_id else None,
                    "total_usd": str(row.total),
                    "pledged_only": row.pledged_only,
                    "sources": row.citations,
                    "demonstration": row.demonstration,
                }
                for row in self.rows
            ],
            "total_usd": str(self.total),
            "notes": self.notes,
        }


def contributions(start: datetime.date, end: datetime.date, user=None, donor_id: int | None = None) -> Table:
    """The table for the days from `start` to `end` (both included), as `user` may see it
    (everything when `user` is None: a command run by staff)."""
    payments = Payment.objects.filter(date__range=(start, end)).select_related("donor__state")
    paid_by_end = Coalesce(Sum("payments__amount_usd", filter=Q(payments__date__lte=end)), ZERO)
    pledges = (
        Pledge.objects.filter(date__range=(start, end))
        .select_related("donor__state")
        .annotate(paid=paid_by_end)
    )
    if user is not None:
        payments, pledges = visible(user, payments), visible(user, pledges)
    if donor_id is not None:
        payments, pledges = payments.filter(donor_id=donor_id), pledges.filter(donor_id=donor_id)
    rows: dict[tuple[int, bool], Row] = {}
    members = defaultdict(dict)  # per source: its records in the table and the rows they are in

    def add(record, amount: Decimal, pledged_only: bool) -> None:
        row = rows.setdefault((record.donor_id, pledged_only), Row(record.donor, pledged_only))
        row.amount_usd += amount
        row.demonstration = row.demonstration or record.demonstration
        if record.source and record.source not in row.citations:
            row.citations.append(record.source)
        members[source_key(record.source)][(type(record).__name__, record.id)] = row

    for payment in payments:
        add(payment, payment.amount_usd, False)
    for pledge in pledges:
        if pledge.amount_usd > pledge.paid:
            add(pledge, pledge.amount_usd - pledge.paid, True)
    ordered = sorted(rows.values(), key=lambda row: (-row.total, row.donor.name))
    return Table(start, end, ordered, members)


def printed_total_notes(members: dict) -> list[str]:
    """A note for each source whose printed total differs from the sum of its rows, when
    the table holds all of that source's rows (a part of them would not add up anyway)."""
    notes = []
    for printed in PrintedTotal.objects.filter(source__in=[key for key in members if key]):
        prefix = Q(source=printed.source) | Q(source__startswith=printed.source + " ")
        in_source = Payment.objects.filter(prefix).count() + Pledge.objects.filter(prefix).count()
        if len(members[printed.source]) != in_source:
            continue
        rows = {id(row): row for row in members[printed.source].values()}
        computed = sum((row.total for row in rows.values()), ZERO)
        if computed != to_dollars(printed.amount):
            source = Source.objects.filter(key=printed.source).first()
            title = source.title if source else printed.source
            sentence = _(
                "%(source)s prints a total of US$ %(printed)s; the rows it lists add up to "
                "US$ %(computed)s, the total shown here (a difference of US$ %(difference)s)."
            )
            figures = {
                "printed": dollars(printed.amount),
                "computed": dollars(computed),
                "difference": dollars(abs(to_dollars(printed.amount) - computed)),
            }
            notes.append(
                SourceNote(
                    sentence % {"source": title, **figures},
                    # Every part escaped: the sentence, the figures, the title (marked).
                    mark_safe(escape(sentence) % {"source": marked(title), **_escaped(figures)}),
                )
            )
    return notes


def _escaped(values: dict) -> dict:
    return {key: escape(value) for key, value in values.items()}


class SourceNote(str):
    """A note's plain text (documents, the API), which a page shows with the source's title
    marked in its own language (`__html__`)."""

    def __new__(cls, text: str, html: str):
        note = super().__new__(cls, text)
        note.html = html
        return note

    def __html__(self) -> str:
        return self.html
