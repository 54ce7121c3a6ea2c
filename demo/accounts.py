"""Demonstration accounts: one per role, to try ctassist as each kind of user sees it.

Created by `ctassist demo-data` after its records (the focal point speaks for the state with
the most demonstration requests, the donor user represents a demonstration donor, the expert
is a demonstration expert of the roster), each marked `Profile.demonstration` and named
"demo-…"; removed by `ctassist demo-data --clear`, and only they."""

import secrets
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import Count, ProtectedError

from accounts.models import Profile, Role
from assistance.models import AssistanceRequest
from experts.models import Expert
from projects.models import Donor
from states.models import State

ROLES = (Role.STAFF, Role.ADMINISTRATOR, Role.FOCAL_POINT, Role.DONOR, Role.EXPERT)


class AccountsExist(Exception):
    pass


@dataclass
class Login:
    username: str
    password: str
    role: str
    attached: str  # the state, donor or expert the account is attached to, if any

    def __str__(self) -> str:
        role = str(Role(self.role).label) + (f" ({self.attached})" if self.attached else "")
        return f"{self.username:20s} {self.password:24s} {role}"


def username(role: str) -> str:
    return f"demo-{role}"


def exist() -> bool:
    return Profile.objects.filter(demonstration=True).exists()


def create() -> list[Login]:
    """One account per role with a new random password; call inside the generation's transaction."""
    taken = User.objects.filter(username__in=[username(role) for role in ROLES]).values_list(
        "username", flat=True
    )
    if taken:
        raise AccountsExist(
            f"Users named {', '.join(sorted(taken))} exist already: demo-data leaves them alone."
        )
    logins = []
    for role in ROLES:
        state, donor, expert = _attachments(role)
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username(role), password=password, first_name="Demonstration", last_name="account (demonstration)"
        )
        Profile.objects.create(user=user, role=role, state=state, demonstration=True)
        if donor:
            donor.representatives.add(user)
        if expert:
            expert.user = user
            expert.save(update_fields=["user"])
        attached = state.name("en") if state else (donor.name if donor else (expert.name if expert else ""))
        logins.append(Login(user.username, password, role, attached))
    return logins


def _attachments(role: str):
    state = donor = expert = None
    if role == Role.FOCAL_POINT:
        busiest = (
            AssistanceRequest.objects.filter(demonstration=True)
            .values("state")
            .annotate(n=Count("id"))
            .order_by("-n", "state__iso3")
            .first()
        )
        state = State.objects.get(id=busiest["state"]) if busiest else State.objects.order_by("iso3").first()
    elif role == Role.DONOR:
        donor = Donor.objects.filter(demonstration=True).order_by("id").first()
    elif role == Role.EXPERT:
        expert = Expert.objects.filter(demonstration=True, user__isnull=True).order_by("id").first()
    return state, donor, expert


def clear() -> int:
    """Delete the demonstration accounts, and only them: how many."""
    doomed = User.objects.filter(profile__demonstration=True)
    count = doomed.count()
    try:
        doomed.delete()
    except ProtectedError as error:
        raise AccountsExist(
            f"Demonstration accounts wrote {len(error.protected_objects)} records that must be kept "
            f"(such as {next(iter(error.protected_objects))}); nothing was deleted."
        ) from None
    return count
