"""Who took part in activities (function F6): totals by state, professional role and gender.

Participants are recorded as counts (`ParticipantCount`), never as names, so the totals are
sums of counts, for one activity or for any set of activities (a project, a state, a year).
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Sum

from assistance.models.participant_counts import Gender, ParticipantCount, ProfessionalRole
from states.models import State


@dataclass
class ParticipantTotals:
    by_state: Counter = field(default_factory=Counter)  # ISO3 → participants
    # Participants whose source gives no state (ParticipantCount.state is None).
    state_not_recorded: int = 0
    by_role: Counter = field(default_factory=Counter)
    by_gender: Counter = field(default_factory=Counter)
    states_seen: dict = field(default_factory=dict)  # ISO3 → state, named only when shown

    @property
    def total(self) -> int:
        return sum(self.by_role.values())

    def add(self, iso3: str | None, role: str, gender: str, count: int, state=None) -> None:
        if iso3 is None:
            self.state_not_recorded += count
        else:
            self.by_state[iso3] += count
        if state is not None:
            self.states_seen.setdefault(iso3, state)
        self.by_role[role] += count
        self.by_gender[gender] += count

    def roles(self) -> list[tuple[str, str, int]]:
        """(code, label, count) for every role, zero included, in the order of the choices."""
        return [(code, label, self.by_role[code]) for code, label in ProfessionalRole.choices]

    def genders(self) -> list[tuple[str, str, int]]:
        return [(code, label, self.by_gender[code]) for code, label in Gender.choices]

    def states(self) -> list[tuple[str, str, int]]:
        """(ISO3, name, count) for the states that sent participants, by name."""
        return sorted(
            ((iso3, self.states_seen[iso3].name(), n) for iso3, n in self.by_state.items()),
            key=lambda row: row[1],
        )

    def as_json(self) -> dict:
        totals = {
            "by_state": dict(sorted(self.by_state.items())),
            "by_role": {code: self.by_role[code] for code in ProfessionalRole.values},
            "by_gender": {code: self.by_gender[code] for code in Gender.values},
            "total": self.total,
        }
        if self.state_not_recorded:  # the API's schema gives 0 when absent
            totals["state_not_recorded"] = self.state_not_recorded
        return totals


def for_counts(counts) -> ParticipantTotals:
    """Totals of ParticipantCount records already at hand (e.g. prefetched with their state)."""
    totals = ParticipantTotals()
    for row in counts:
        state = row.state
        totals.add(state.iso3 if state else None, row.role, row.gender, row.count, state)
    return totals


def for_rows(rows) -> ParticipantTotals:
    """Totals of (ISO3, role, gender, count) rows, as the API reads them."""
    totals = ParticipantTotals()
    for iso3, role, gender, count in rows:
        totals.add(iso3, role, gender, count)
    return totals


def for_activity(activity) -> ParticipantTotals:
    return for_counts(activity.participant_counts.all())


def for_activities(activities) -> ParticipantTotals:
    """Totals over a set of activities (a queryset), summed by the database in one query."""
    rows = list(
        ParticipantCount.objects.filter(activity__in=activities.values("id"))
        .values("state_id", "role", "gender")
        .annotate(n=Sum("count"))
        .order_by()
    )
    states = State.objects.in_bulk({row["state_id"] for row in rows if row["state_id"] is not None})
    totals = ParticipantTotals()
    for row in rows:
        state = states.get(row["state_id"])
        totals.add(state.iso3 if state else None, row["role"], row["gender"], row["n"], state)
    return totals
