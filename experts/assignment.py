"""Assigning experts to activities and reviews, and suggesting who fits an activity."""

from dataclasses import dataclass, field

from babel.languages import get_official_languages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.access import may_assign_experts
from experts.models import Expert
from experts.roster import language_name


def _require_staff(user) -> None:
    if not may_assign_experts(user):
        raise PermissionDenied(_("Only staff assign experts."))


@transaction.atomic
def assign_to_activity(expert: Expert, activity, user) -> None:
    _require_staff(user)
    if not expert.active:
        raise ValidationError(_("%(expert)s is not available.") % {"expert": expert.name})
    if activity.experts.filter(id=expert.id).exists():
        raise ValidationError(
            _("%(expert)s is already assigned to %(activity)s.")
            % {"expert": expert.name, "activity": activity}
        )
    activity.experts.add(expert)


@transaction.atomic
def unassign_from_activity(expert: Expert, activity, user) -> None:
    _require_staff(user)
    activity.experts.remove(expert)


@transaction.atomic
def assign_to_review(expert: Expert, review, user) -> None:
    _require_staff(user)
    # A review's experts are user accounts: that is what lets the expert open and comment on it.
    if expert.user_id is None:
        raise ValidationError(
            _("%(expert)s has no user account; give the expert one before assigning a review.")
            % {"expert": expert.name}
        )
    if not expert.active:
        raise ValidationError(_("%(expert)s is not available.") % {"expert": expert.name})
    if review.experts.filter(id=expert.user_id).exists():
        raise ValidationError(
            _("%(expert)s is already assigned to %(review)s.") % {"expert": expert.name, "review": review}
        )
    review.experts.add(expert.user_id)


@transaction.atomic
def unassign_from_review(expert: Expert, review, user) -> None:
    _require_staff(user)
    if expert.user_id is not None:
        review.experts.remove(expert.user_id)


@dataclass
class Suggestion:
    expert: Expert
    score: int = 0
    reasons: list[str] = field(default_factory=list)


# An instrument the activity is about weighs most; experience closer to the states weighs more.
INSTRUMENT_WEIGHT = 3
AREA_WEIGHTS = (("intermediate_region", 3), ("subregion", 2), ("region", 1))
LANGUAGE_WEIGHT = 2


def state_languages(states) -> set[str]:
    """The official languages of the states (CLDR territory data, through Babel)."""
    return {code.split("_")[0] for state in states for code in get_official_languages(state.iso2)}


def rank_experts(
    instruments, states, languages: set[str], exclude_ids=(), needs_account: bool = False
) -> list[Suggestion]:
    instrument_ids = {i.id for i in instruments}
    area_weights: dict[int, int] = {}
    for state in states:
        for attribute, weight in AREA_WEIGHTS:
            area_id = getattr(state, f"{attribute}_id")
            if area_id:
                area_weights[area_id] = max(area_weights.get(area_id, 0), weight)
    candidates = Expert.objects.filter(active=True).exclude(id__in=exclude_ids)
    if needs_account:
        candidates = candidates.exclude(user=None)
    suggestions = []
    for expert in candidates.prefetch_related("instruments", "regions"):
        suggestion = Suggestion(expert)
        shared = [i for i in expert.instruments.all() if i.id in instrument_ids]
        if shared:
            suggestion.score += INSTRUMENT_WEIGHT * len(shared)
            suggestion.reasons.append(
                _("instruments: %(list)s") % {"list": ", ".join(i.slug for i in shared)}
            )
        areas = [a for a in expert.regions.all() if a.id in area_weights]
        if areas:
            suggestion.score += max(area_weights[a.id] for a in areas)
            suggestion.reasons.append(_("regions: %(list)s") % {"list": ", ".join(a.name() for a in areas)})
        spoken = sorted(languages.intersection(expert.languages))
        if spoken:
            suggestion.score += LANGUAGE_WEIGHT
            suggestion.reasons.append(
                _("languages: %(list)s") % {"list": ", ".join(language_name(c) for c in spoken)}
            )
        suggestions.append(suggestion)
    return sorted(suggestions, key=lambda s: (-s.score, s.expert.name))


def suggest_experts(activity) -> list[Suggestion]:
    """Available experts not yet assigned, the best match for the activity first.

    Languages are those of the host state, or of the participating states when there is
    no host (a regional seminar held elsewhere)."""
    states = list(activity.participating_states.all())
    if activity.host_state_id:
        states.append(activity.host_state)
    host = [activity.host_state] if activity.host_state_id else states
    return rank_experts(
        activity.instruments.all(),
        states,
        state_languages(host),
        exclude_ids=activity.experts.values_list("id", flat=True),
    )


def suggest_experts_for_review(review) -> list[Suggestion]:
    assigned_users = review.experts.values_list("id", flat=True)
    return rank_experts(
        [review.instrument],
        [review.state],
        state_languages([review.state]),
        exclude_ids=Expert.objects.filter(user__in=assigned_users).values_list("id", flat=True),
        needs_account=True,
    )


def apply(operation: str, expert: Expert, activity=None, review=None, user=None) -> None:
    """One assignment or removal, as the assignment form asks for it."""
    if activity is not None:
        (assign_to_activity if operation == "assign" else unassign_from_activity)(expert, activity, user)
    else:
        (assign_to_review if operation == "assign" else unassign_from_review)(expert, review, user)
