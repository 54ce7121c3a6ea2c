"""Entry into force of an instrument for one state, computed from the instrument's rule.

The participation tracker calls `for_deposit`; every answer carries the reasoning a
lawyer would check ("deposited 2002-04-10; thirtieth day after deposit → 2002-05-10").
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from instruments.models import DelayUnit, Instrument, LaterStateRule


@dataclass(frozen=True)
class EntryIntoForce:
    date: datetime.date | None
    explanation: str


def add_delay(deposit: datetime.date, delay: int, unit: str) -> datetime.date:
    if unit == DelayUnit.DAYS:
        return deposit + datetime.timedelta(days=delay)
    if unit == DelayUnit.MONTH_START:
        month_index = deposit.year * 12 + (deposit.month - 1) + delay
        return datetime.date(month_index // 12, month_index % 12 + 1, 1)
    raise ValueError(f"unknown delay unit {unit!r}")


def add_period(start: datetime.date, amount: int, unit: str) -> datetime.date:
    """A date `amount` days or months after `start` (a month end is kept within the month)."""
    if unit == "days":
        return start + datetime.timedelta(days=amount)
    if unit == "months":
        month_index = start.year * 12 + (start.month - 1) + amount
        year, month = month_index // 12, month_index % 12 + 1
        next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
        last_day = (next_month - datetime.timedelta(days=1)).day
        return datetime.date(year, month, min(start.day, last_day))
    raise ValueError(f"unknown period unit {unit!r}")


def describe_delay(delay: int, unit: str) -> str:
    if unit == DelayUnit.MONTH_START:
        return _("first day of month %(n)d after the deposit") % {"n": delay}
    if delay == 0:
        return _("on the day of deposit")
    return _("%(n)d days after the deposit") % {"n": delay}


def for_deposit(instrument: Instrument, deposit: datetime.date) -> EntryIntoForce:
    """When the instrument enters into force for a state that deposited consent on `deposit`."""
    general = instrument.entry_into_force_date
    if not instrument.eif_rule_known:
        return EntryIntoForce(
            None,
            _(
                "deposited %(deposit)s; the entry-into-force rule of this instrument is not "
                "known to ctassist, so no date is computed"
            )
            % {"deposit": deposit.isoformat()},
        )
    own_date = add_delay(deposit, instrument.later_delay, instrument.later_delay_unit)
    reasoning = _("deposited %(deposit)s; %(rule)s → %(date)s") % {
        "deposit": deposit.isoformat(),
        "rule": describe_delay(instrument.later_delay, instrument.later_delay_unit),
        "date": own_date.isoformat(),
    }
    if general is None:
        return EntryIntoForce(
            None,
            reasoning
            + "; "
            + _("the instrument's general entry into force is not known, so no date is computed"),
        )
    if own_date < general or (instrument.later_rule == LaterStateRule.LATER_OF and own_date <= general):
        reasoning += "; " + _("the instrument itself entered into force on %(general)s → %(general)s") % {
            "general": general.isoformat()
        }
        own_date = general
    if instrument.eif_special:
        reasoning += "; " + _("subject to a special rule: %(rule)s") % {"rule": instrument.eif_special}
    return EntryIntoForce(own_date, reasoning)
