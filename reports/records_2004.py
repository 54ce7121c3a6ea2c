"""The facts of the Secretary-General's 2004 report on resolution 58/136 as records marked as
from it (data/reference/report_2004/, read as its README.md says).

- activities.csv: the 43 states of note 3 (one legislative-advice activity each), the officials
  of para. 9 (one activity, its count in participant_counts.csv), the seminars and the roving
  mission of para. 11 with their participating states (notes 4–6), the Siracusa workshop of
  para. 17;
- participant_counts.csv: participants as counts (para. 9: 500, state not recorded);
- outcomes.csv: the 11 states of note 2 that ratified after drafting assistance, as confirmed
  outcomes reported by the Secretariat, with no deposit (the report names no instrument) and,
  for Burkina Faso, no activity (it is not among note 3's states).

Every record is real (demonstration=False) and carries the source's key and locator. All or
nothing (the caller's transaction) and idempotent: a second run changes nothing. Records of the
report that are no longer in the files are removed.
"""

from assistance.models import (
    Activity,
    ActivityKind,
    ActivityStatus,
    Gender,
    ParticipantCount,
    ProfessionalRole,
)
from ctassist.reference import LoadReport, read_rows, reference_path, save_if_changed
from outcomes.models import Outcome, OutcomeKind, OutcomeStatus
from sources.reference import check_citation
from states.models import State

# The key of the 2004 report in the register of sources (data/reference/sources/reports.csv;
# funding cites the same key for its para. 19).
SOURCE_KEY = "a-59-187"
FOLDER = "report_2004"

ACTIVITY_COLUMNS = [
    "key", "kind", "title", "host_state", "host_as_printed", "place", "starts_on", "ends_on", "status",
    "partners", "participating_states", "participating_as_printed", "held_without_request_reason",
    "source", "locator", "note",
]  # fmt: skip
COUNT_COLUMNS = ["activity", "state", "role", "gender", "count", "source", "locator", "note"]
OUTCOME_COLUMNS = [
    "state", "state_as_printed", "kind", "status", "activity", "reported_on", "source", "locator", "reason",
]  # fmt: skip


def _source(row, sources) -> str:
    key = check_citation(row, "source", sources, required=True)
    if key not in sources:  # a citation string with a locator: here the locator has its own column
        raise row.error("source", f"{key!r}: give the source's key alone, the locator in 'locator'")
    return key


def read_activities(states: dict, sources) -> dict[str, dict]:
    """key → (values, participating states), every row checked before anything is written."""
    found = {}
    titles = set()
    for row in read_rows(reference_path(f"{FOLDER}/activities.csv"), ACTIVITY_COLUMNS):
        key = row.text("key", required=True)
        if key in found:
            raise row.error("key", f"{key!r} appears twice")
        title = row.text("title", required=True)
        if title in titles:
            raise row.error("title", "this title appears twice (it identifies the record)")
        titles.add(title)
        starts_on, ends_on = row.date("starts_on", required=True), row.date("ends_on", required=True)
        if ends_on < starts_on:
            raise row.error("ends_on", "the activity ends before it starts")
        participating = row.states("participating_states", states)
        values = {
            "kind": row.choice("kind", ActivityKind.values, required=True),
            "host_state": row.state("host_state", states),
            "place": row.text("place"),
            "starts_on": starts_on,
            "ends_on": ends_on,
            "status": row.choice("status", ActivityStatus.values, required=True),
            "partners": row.text("partners"),
            "held_without_request_reason": row.text("held_without_request_reason"),
            "source_locator": row.text("locator", required=True),
            "source_note": row.text("note"),
            "demonstration": False,
        }
        found[key] = {
            "title": title,
            "source": _source(row, sources),
            "values": values,
            "states": participating,
        }
    return found


def load_records_2004(report: LoadReport, sources) -> None:
    states = {state.iso3: state for state in State.objects.all()}
    rows = read_activities(states, sources)
    counts = list(read_rows(reference_path(f"{FOLDER}/participant_counts.csv"), COUNT_COLUMNS))
    outcomes = list(read_rows(reference_path(f"{FOLDER}/outcomes.csv"), OUTCOME_COLUMNS))

    activities = {}
    for key, row in rows.items():
        activity = save_if_changed(
            Activity,
            {"source": row["source"], "title": row["title"]},
            row["values"],
            report,
            "2004 report: activities",
        )
        wanted = {state.id for state in row["states"]}
        if set(activity.participating_states.values_list("id", flat=True)) != wanted:
            activity.participating_states.set(wanted)
            report.count("2004 report: participating states", "updated")
        activities[key] = activity
    sources_used = {row["source"] for row in rows.values()}
    Activity.objects.filter(source__in=sources_used).exclude(
        id__in=[a.id for a in activities.values()]
    ).delete()

    kept_counts = []
    for row in counts:
        key = row.text("activity", required=True)
        if key not in activities:
            raise row.error("activity", f"{key!r} is not a key of activities.csv")
        _source(row, sources)
        count = row.integer("count", required=True)
        lookup = {
            "activity": activities[key],
            "state": row.state("state", states),
            "role": row.choice("role", ProfessionalRole.values, required=True),
            "gender": row.choice("gender", Gender.values, required=True),
        }
        if any(lookup == other for other in kept_counts):
            raise row.error("activity", "a second count for the same activity, state, role and gender")
        kept_counts.append(lookup)
        save_if_changed(ParticipantCount, lookup, {"count": count}, report, "2004 report: participant counts")
    for activity in activities.values():
        wanted = [(c["state"], c["role"], c["gender"]) for c in kept_counts if c["activity"] == activity]
        for stale in activity.participant_counts.all():
            if (stale.state, stale.role, stale.gender) not in wanted:
                stale.delete()

    seen, kept_outcomes = [], []
    for row in outcomes:
        state = row.state("state", states, required=True)
        source = _source(row, sources)
        locator = row.text("locator", required=True)
        key = row.text("activity")
        if key and key not in activities:
            raise row.error("activity", f"{key!r} is not a key of activities.csv")
        activity = activities.get(key)
        if activity is not None and activity.host_state_id != state.id:
            raise row.error("activity", f"{key!r} is not an activity hosted by {state.iso3}")
        kind = row.choice("kind", OutcomeKind.values, required=True)
        lookup = {"source": source, "source_locator": locator, "state": state, "kind": kind}
        if lookup in seen:
            raise row.error("state", "this state's outcome appears twice for the same locator")
        seen.append(lookup)
        values = {
            "activity": activity,
            "status": row.choice("status", OutcomeStatus.values, required=True),
            "reported_on": row.date("reported_on", required=True),
            "reason": row.text("reason", required=True),
            "treaty_action": None,
            "law": None,
        }
        kept_outcomes.append(save_if_changed(Outcome, lookup, values, report, "2004 report: outcomes").id)
    Outcome.objects.filter(source__in=sources_used | {SOURCE_KEY}).exclude(id__in=kept_outcomes).delete()
