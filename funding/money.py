"""Money: Decimal amounts, conversion to US dollars and rounding as the reports round.

- A conversion uses the rate in force on the day of the pledge, payment or expenditure:
  the latest `ExchangeRate` of its currency dated on or before that day (the United
  Nations operational rates of exchange are set once a month and hold until the next, so
  a rate holds until a later one is recorded). No rate on or before the day is an error
  naming the currency and the day; nothing is fetched from the internet.
- A rate is the number of units of the currency that buy one US dollar (as the UN's
  operational rates are quoted): amount in USD = amount ÷ rate, kept to the cent.
- Reports print whole dollars: each row is rounded to the dollar, half up (ROUND_HALF_UP,
  0.50 goes up), and a total is the sum of its rounded rows, so that a printed table adds up.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

US_DOLLAR = "USD"
CENT = Decimal("0.01")
DOLLAR = Decimal("1")


class MissingRate(ValidationError):
    """No exchange rate recorded for a currency on or before a day."""

    def __init__(self, currency: str, day: datetime.date):
        self.currency, self.day = currency, day
        super().__init__(
            _("No exchange rate to US dollars for %(currency)s on or before %(day)s: record one first."),
            code="missing-rate",
            params={"currency": currency, "day": day.isoformat()},
        )

    def __str__(self) -> str:
        return self.messages[0]


def to_cents(amount: Decimal) -> Decimal:
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def to_dollars(amount: Decimal) -> Decimal:
    """Rounded to the dollar as the reports print it (half up)."""
    return Decimal(amount).quantize(DOLLAR, rounding=ROUND_HALF_UP)
