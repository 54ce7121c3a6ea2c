"""RecordRef of each kind of record a figure counts: its label in the reader's language and
its page, where it has one."""

from django.urls import NoReverseMatch, reverse

from reports.figures.base import RecordRef


def page_url(name: str, *args) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def state_ref(state, language: str) -> RecordRef:
    return RecordRef("states.state", state.iso3, state.name(language), page_url("states:detail", state.iso3))


def activity_ref(activity, language: str) -> RecordRef:
    label = f"{activity.title} ({activity.starts_on.isoformat()} – {activity.ends_on.isoformat()})"
    return RecordRef("assistance.activity", activity.pk, label, page_url("activities:detail", activity.pk))


def instrument_ref(instrument, language: str) -> RecordRef:
    return RecordRef(
        "instruments.instrument",
        instrument.slug,
        instrument.display_title(language),
        page_url("instruments:detail", instrument.slug),
    )


def treaty_action_ref(action, language: str) -> RecordRef:
    label = (
        f"{action.state.name(language)}: {action.instrument.display_title(language)}, "
        f"{action.get_kind_display()} {action.date.isoformat()}"
    )
    # A treaty action has no page of its own: the state's page lists its participation.
    return RecordRef(
        "participation.treatyaction", action.pk, label, page_url("states:detail", action.state.iso3)
    )


def outcome_ref(outcome, label: str) -> RecordRef:
    # An outcome is shown on its activity's page; one reported without an activity, in the list.
    url = (
        page_url("activities:detail", outcome.activity_id)
        if outcome.activity_id
        else page_url("outcomes:list")
    )
    return RecordRef("outcomes.outcome", outcome.pk, label, url)


def contribution_ref(record, label: str) -> RecordRef:
    model = f"funding.{type(record).__name__.lower()}"
    return RecordRef(model, record.pk, label, page_url("funding:donor", record.donor_id))
