"""The figures of the assistance section: states that received direct assistance, officials
trained, activities by kind and region, and the regional and subregional workshops."""

from collections import Counter, defaultdict

from django.utils.translation import gettext as _

from assistance.models import ActivityKind, Gender, ParticipantCount, ProfessionalRole
from ctassist.collation import sort_key, sorted_by_name
from reports.figures.base import Figure, Table, TableRow
from reports.figures.refs import activity_ref, state_ref
from reports.figures.scope import Scope

SECTION = "assistance"

# Assistance given to one state in its own country (the 2004 report's "direct assistance").
DIRECT_KINDS = (
    ActivityKind.LEGISLATIVE_ADVICE,
    ActivityKind.DRAFTING_WORKSHOP,
    ActivityKind.NATIONAL_WORKSHOP,
    ActivityKind.MENTORING,
    ActivityKind.EXPERT_MISSION,
)
# Activities for several states at once (2004 report §11).
WORKSHOP_KINDS = (
    ActivityKind.REGIONAL_SEMINAR,
    ActivityKind.SUBREGIONAL_SEMINAR,
    ActivityKind.ROVING_MISSION,
)


def direct_assistance(scope: Scope):
    """Direct assistance activities with a host state whose dates overlap the period."""
    return (
        scope.activities_in_period()
        .filter(kind__in=DIRECT_KINDS, host_state__isnull=False)
        .select_related("host_state")
    )


def states_assisted(scope: Scope) -> Figure:
    language = scope.language
    by_state = defaultdict(list)
    states = {}
    for activity in direct_assistance(scope):
        states[activity.host_state_id] = activity.host_state
        by_state[activity.host_state_id].append(activity)
    ordered = sorted_by_name(states.values(), language)
    rows = [
        TableRow(
            [state.name(language), len(by_state[state.id])],
            [activity_ref(activity, language) for activity in by_state[state.id]],
        )
        for state in ordered
    ]
    return Figure(
        key="states-assisted",
        section=SECTION,
        title=_("States that received direct assistance"),
        value=len(ordered),
        records=[state_ref(state, language) for state in ordered],
        table=Table([_("State"), _("Activities")], rows),
    )


def _ordered_counts(counter: Counter, labels: dict, language: str, last=()) -> list:
    """Keys of a counter by their label in the language, with the `last` keys at the end."""
    key = sort_key(language)
    keys = sorted((k for k in counter if k not in last), key=lambda k: key(labels[k]))
    return keys + [k for k in last if k in counter]


def officials_trained(scope: Scope) -> Figure:
    """Participants in the activities of the period, by region, role and gender."""
    language = scope.language
    activities = scope.activities_in_period()
    counts = list(
        ParticipantCount.objects.filter(activity__in=activities.values("id"))
        .select_related("activity", "state__region")
        .order_by("activity__starts_on", "activity_id", "id")
    )
    not_recorded = "-"
    by_region, by_role, by_gender = Counter(), Counter(), Counter()
    records = defaultdict(dict)  # (table, key) -> {activity id: activity}
    region_labels = {not_recorded: _("state not recorded")}
    for row in counts:
        state = getattr(row, "state", None) if row.state_id else None
        region = state.region if state is not None else None
        region_key = region.code if region is not None else not_recorded
        if region is not None:
            region_labels[region.code] = region.name(language)
        by_region[region_key] += row.count
        by_role[row.role] += row.count
        by_gender[row.gender] += row.count
        for table, key in (("region", region_key), ("role", row.role), ("gender", row.gender)):
            records[(table, key)][row.activity_id] = row.activity
    role_labels = {code: str(label) for code, label in ProfessionalRole.choices}
    gender_labels = {code: str(label) for code, label in Gender.choices}

    def rows(table: str, counter: Counter, labels: dict, keys: list) -> list[TableRow]:
        return [
            TableRow(
                [labels[key], counter[key]],
                [activity_ref(activity, language) for activity in records[(table, key)].values()],
            )
            for key in keys
        ]

    table = Table(
        [_("Grouped by"), _("Group"), _("Participants")],
        [
            TableRow([_("Region"), *r.cells], r.records)
            for r in rows(
                "region",
                by_region,
                region_labels,
                _ordered_counts(by_region, region_labels, language, last=(not_recorded,)),
            )
        ]
        + [
            TableRow([_("Professional role"), *r.cells], r.records)
            for r in rows("role", by_role, role_labels, [c for c in ProfessionalRole.values if by_role[c]])
        ]
        + [
            TableRow([_("Gender"), *r.cells], r.records)
            for r in rows("gender", by_gender, gender_labels, [c for c in Gender.values if by_gender[c]])
        ],
    )
    activities_counted = {row.activity_id: row.activity for row in counts}
    states_counted = {row.state_id for row in counts if row.state_id}
    note = ""
    if states_counted:
        note = _("Number of states the participants came from: %(states)d.") % {"states": len(states_counted)}
    return Figure(
        key="officials-trained",
        section=SECTION,
        title=_("Officials trained"),
        value=sum(by_role.values()),
        records=[activity_ref(activity, language) for activity in activities_counted.values()],
        table=table,
        note=note,
    )


def activity_region(activity, language: str, several: str, unknown: str) -> tuple[str, str]:
    """(key, label) of the region an activity counts under: its host state's; without host,
    its participating states' region when they share one, else "several regions"."""
    if activity.host_state_id:
        region = activity.host_state.region
        return region.code, region.name(language)
    regions = {state.region for state in activity.participating_states.all()}
    if len(regions) == 1:
        (region,) = regions
        return region.code, region.name(language)
    if regions:
        return "several", several
    return "unknown", unknown


def activities(scope: Scope) -> Figure:
    language = scope.language
    found = list(
        scope.activities_in_period()
        .select_related("host_state__region")
        .prefetch_related("participating_states__region")
    )
    several, unknown = _("several regions"), _("no state recorded")
    kind_labels = {code: str(label) for code, label in ActivityKind.choices}
    by_kind, by_region = defaultdict(list), defaultdict(list)
    region_labels = {}
    for activity in found:
        by_kind[activity.kind].append(activity)
        code, label = activity_region(activity, language, several, unknown)
        region_labels[code] = label
        by_region[code].append(activity)
    region_keys = _ordered_counts(
        Counter({k: len(v) for k, v in by_region.items()}),
        region_labels,
        language,
        last=("several", "unknown"),
    )
    rows = [
        TableRow(
            [_("Kind"), kind_labels[kind], len(by_kind[kind])],
            [activity_ref(a, language) for a in by_kind[kind]],
        )
        for kind in ActivityKind.values
        if by_kind[kind]
    ] + [
        TableRow(
            [_("Region"), region_labels[code], len(by_region[code])],
            [activity_ref(a, language) for a in by_region[code]],
        )
        for code in region_keys
    ]
    return Figure(
        key="activities",
        section=SECTION,
        title=_("Activities by kind and region"),
        value=len(found),
        records=[activity_ref(activity, language) for activity in found],
        table=Table([_("Grouped by"), _("Group"), _("Activities")], rows),
    )


def workshops(scope: Scope) -> Figure:
    language = scope.language
    found = list(
        scope.activities_in_period()
        .filter(kind__in=WORKSHOP_KINDS)
        .select_related("host_state")
        .prefetch_related("participating_states")
    )
    kind_labels = {code: str(label) for code, label in ActivityKind.choices}
    rows = []
    for activity in found:
        states = sorted_by_name(activity.participating_states.all(), language)
        rows.append(
            TableRow(
                [
                    activity.title,
                    kind_labels[activity.kind],
                    activity.place or (activity.host_state.name(language) if activity.host_state else ""),
                    f"{activity.starts_on.isoformat()} – {activity.ends_on.isoformat()}",
                    len(states),
                    ", ".join(state.name(language) for state in states),
                ],
                [activity_ref(activity, language)] + [state_ref(state, language) for state in states],
            )
        )
    return Figure(
        key="workshops",
        section=SECTION,
        title=_("Regional and subregional workshops"),
        value=len(found),
        records=[activity_ref(activity, language) for activity in found],
        table=Table(
            [_("Activity"), _("Kind"), _("Place"), _("Dates"), _("States"), _("Participating states")],
            rows,
        ),
    )
