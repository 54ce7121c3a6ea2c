"""A state's country profile (F12): what ctassist holds about one state, gathered from the
other apps for one reader.

Every part is read through the access policy (accounts/access.py), so the page, its PDF and
the `profile` command show the same thing to the same reader, and a reader never learns
that something exists that they may not see (no count of hidden records):

- participation towards each instrument, each as at the date of its newest status list,
  and the instruments the state still lacks (participation.standing.state_overview): public;
- its laws: `visible()` (published laws for everyone; staff also see unpublished ones);
- its legislative reviews: `visible()` (staff, the state's own focal point, the reviews'
  assigned experts); the public profile has no reviews section at all;
- its requests for assistance: `visible()` (the public sees only the requests the state
  did not mark confidential; the state's focal point and staff see all of them);
- its activities: `visible()` (staff, the focal points of the states involved, donors and
  experts of the activity);
- its competent authorities: public entries, with the direct contacts and restricted
  requirements only for readers `may_see_restricted_contacts`;
- its focal point: whether the state has one is public; who it is (name, e-mail) only for
  signed-in readers.

`build(state, user)` takes the reader (`None` or an anonymous user for the public);
`internal_reader()` stands for the Secretariat when the command is asked `--internal`.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser, User
from django.utils import timezone

from accounts.access import (
    is_staff_member,
    may_see_focal_points,
    may_see_restricted_contacts,
    may_see_state_activities,
    may_see_state_reviews,
    visible,
)
from accounts.models import Profile, Role
from assessments.models import Review
from assistance.models import Activity, AssistanceRequest
from cooperation.models import Authority
from legislation.models import Law
from participation.standing import StateOverview, state_overview
from states.models import State

# A profile lists a state's latest activities; the activity list (filtered by the state)
# has them all. A state in a world-sized data set takes part in hundreds.
ACTIVITIES_LISTED = 25


@dataclass
class FocalPoint:
    name: str
    email: str


@dataclass
class AuthorityLine:
    authority: Authority
    stale: bool
    # The direct telephone and e-mail, and requirements the state restricts, are shown
    # only when the reader may see them; otherwise these stay empty (never a hint).
    direct_telephone: str = ""
    direct_email: str = ""
    requirements: str = ""
    requirements_withheld: bool = False


@dataclass
class ReviewLine:
    review: Review
    coverage: dict


@dataclass
class CountryProfile:
    state: State
    on: datetime.date
    participation: StateOverview
    laws: list[Law]
    # None: the reader may not see this kind of record at all (the section is left out).
    reviews: list[ReviewLine] | None
    requests: list[AssistanceRequest]
    activities: list[Activity] | None
    activities_total: int
    authorities: list[AuthorityLine]
    has_focal_point: bool
    focal_points: list[FocalPoint] | None  # None: the reader may not know who
    signed_in: bool
    internal: bool
    shows_demonstration: bool = field(default=False)


def internal_reader() -> User:
    """A reader with the Secretariat's view, for `ctassist profile --internal` (a command has
    no signed-in user). Never saved; the access policy treats it as an administrator."""
    return User(username="ctassist-internal-profile", is_active=True, is_superuser=True)


def _reader(user):
    return user if user is not None else AnonymousUser()


def _reviews(user, state) -> list[ReviewLine] | None:
    if not may_see_state_reviews(user):
        return None
    reviews = (
        visible(user, Review.objects.filter(state=state))
        .select_related("instrument")
        .prefetch_related("instrument__titles")
        .order_by("instrument__position")
    )
    return [ReviewLine(review, review.coverage()) for review in reviews]


def _activities(user, state) -> tuple[list[Activity] | None, int]:
    """The latest activities the reader may see (at most ACTIVITIES_LISTED) and how many
    the reader may see in all (the rest are on the activity list, filtered by the state)."""
    if not may_see_state_activities(user):
        return None, 0  # activities are not public: no section, no count
    activities = visible(user, Activity.objects.filter_by(state=state.iso3))
    latest = activities.select_related("host_state").order_by("-starts_on", "title")[:ACTIVITIES_LISTED]
    return list(latest), activities.count()


def _authorities(user, state, today: datetime.date) -> list[AuthorityLine]:
    restricted = may_see_restricted_contacts(user)
    lines = []
    for authority in visible(user, Authority.objects.of_state(state)):
        line = AuthorityLine(authority, authority.is_stale(today))
        if restricted:
            line.direct_telephone, line.direct_email = authority.direct_telephone, authority.direct_email
            line.requirements = authority.requirements
        elif authority.requirements_restricted:
            line.requirements_withheld = bool(authority.requirements)
        else:
            line.requirements = authority.requirements
        lines.append(line)
    return lines


def _focal_points(user, state) -> tuple[bool, list[FocalPoint] | None]:
    profiles = (
        Profile.objects.filter(role=Role.FOCAL_POINT, state=state, user__is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__username")
    )
    people = [
        FocalPoint(profile.user.get_full_name() or profile.user.username, profile.user.email)
        for profile in profiles
    ]
    if not may_see_focal_points(user):
        return bool(people), None
    return bool(people), people


def build(state: State, user=None, on: datetime.date | None = None) -> CountryProfile:
    """The profile of `state` as `user` may see it (None: the public), on `on` (today)."""
    user = _reader(user)
    on = on or timezone.localdate()
    laws = list(visible(user, Law.objects.filter(state=state)).order_by("-adopted_on", "title"))
    requests = list(
        visible(user, AssistanceRequest.objects.filter(state=state))
        .prefetch_related("instruments__titles")
        .order_by("-received_on", "-id")
    )
    reviews = _reviews(user, state)
    activities, activities_total = _activities(user, state)
    authorities = _authorities(user, state, on)
    has_focal_point, focal_points = _focal_points(user, state)
    shown = [*requests, *(activities or []), *(line.authority for line in authorities)]
    return CountryProfile(
        state=state,
        on=on,
        participation=state_overview(state, on),
        laws=laws,
        reviews=reviews,
        requests=requests,
        activities=activities,
        activities_total=activities_total,
        authorities=authorities,
        has_focal_point=has_focal_point,
        focal_points=focal_points,
        signed_in=may_see_focal_points(user),
        internal=is_staff_member(user),
        shows_demonstration=any(getattr(record, "demonstration", False) for record in shown),
    )
