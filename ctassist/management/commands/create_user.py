"""`ctassist create-user USERNAME --role ROLE`: an account with its role, and for a focal
point its state, for a donor's representative its donor, for an expert its roster entry."""

import getpass
import os
import sys

from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import Profile, Role
from experts.models import Expert
from projects.models import Donor
from states.models import State


class Command(BaseCommand):
    help = (
        "Create an account with its role: staff, administrator, focal-point (with --state), "
        "donor (with --donor) or expert (optionally --expert, its entry on the roster). "
        "The password comes from --password-from-env VARIABLE, --password, or a prompt."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--state", help="ISO 3166-1 alpha-3 code of the state a focal point speaks for")
        parser.add_argument("--donor", help="the donor (its name, or its number) a donor user represents")
        parser.add_argument("--expert", help="the expert on the roster (name or number) this account is")
        parser.add_argument("--email", default="")
        secret = parser.add_mutually_exclusive_group()
        secret.add_argument(
            "--password", help="the password (it stays in the shell's history: prefer the others)"
        )
        secret.add_argument(
            "--password-from-env", metavar="VARIABLE", help="read the password from this variable"
        )

    def handle(
        self, *args, username, role, state, donor, expert, email, password, password_from_env, **options
    ):
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user named {username!r} exists already; nothing was created.")
        scope = self.scope(role, state, donor, expert)
        password = self.password(password, password_from_env)
        user = User(username=username, email=email)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("The password is refused: " + " ".join(error.messages)) from None
        with transaction.atomic():
            user.set_password(password)
            user.save()
            Profile.objects.create(user=user, role=role, state=scope.get("state"))
            if "donor" in scope:
                scope["donor"].representatives.add(user)
            if "expert" in scope:
                scope["expert"].user = user
                scope["expert"].save(update_fields=["user"])
        attached = {key: str(value) for key, value in scope.items()}
        self.stdout.write(
            f"Created {username} ({Role(role).label})"
            + "".join(f", {key} {value}" for key, value in attached.items())
            + ". Log in at /accounts/login/."
        )

    @staticmethod
    def scope(role: str, state: str | None, donor: str | None, expert: str | None) -> dict:
        """What the account is attached to; every mismatch is refused before anything is written."""
        if state and role != Role.FOCAL_POINT:
            raise CommandError("--state is for a focal point (--role focal-point) only; nothing was created.")
        if donor and role != Role.DONOR:
            raise CommandError(
                "--donor is for a donor's representative (--role donor) only; nothing was created."
            )
        if expert and role != Role.EXPERT:
            raise CommandError("--expert is for an expert (--role expert) only; nothing was created.")
        if role == Role.FOCAL_POINT:
            if not state:
                raise CommandError(
                    "A focal point speaks for one state: give --state ISO3 (e.g. --state FRA)."
                )
            found = State.objects.filter(iso3=state.upper()).first()
            if found is None:
                raise CommandError(
                    f"Unknown state {state!r}: give the ISO 3166-1 alpha-3 code of one of the 197 states "
                    "(e.g. FRA, CHN); nothing was created."
                )
            return {"state": found}
        if role == Role.DONOR:
            if not donor:
                raise CommandError(
                    "A donor user represents a donor: give --donor NAME (see the admin's donors)."
                )
            found = Donor.objects.filter(id=int(donor)).first() if donor.isdigit() else None
            found = found or Donor.objects.filter(name__iexact=donor).first()
            if found is None:
                raise CommandError(
                    f"Unknown donor {donor!r}: give its name as in ctassist; nothing was created."
                )
            return {"donor": found}
        if role == Role.EXPERT and expert:
            found = Expert.objects.filter(id=int(expert)).first() if expert.isdigit() else None
            found = found or Expert.objects.filter(name__iexact=expert).first()
            if found is None:
                raise CommandError(
                    f"Unknown expert {expert!r}: give a name on the roster; nothing was created."
                )
            if found.user_id:
                raise CommandError(f"The expert {found} has an account already; nothing was created.")
            return {"expert": found}
        return {}

    @staticmethod
    def password(given: str | None, variable: str | None) -> str:
        if variable:
            value = os.environ.get(variable)
            if not value:
                raise CommandError(f"The variable {variable} is not set or empty; nothing was created.")
            return value
        if given:
            return given
        if not sys.stdin.isatty():
            raise CommandError(
                "No password: give --password-from-env VARIABLE or --password, or run it in a terminal."
            )
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ; nothing was created.")
        return first
