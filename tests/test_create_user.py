"""`ctassist create-user`: an account per role that can log in, and clear refusals that create nothing."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from accounts.access import role_of
from accounts.models import Profile
from assessments.services import open_review
from assistance.models import AssistanceRequest
from experts.models import Expert
from instruments.models import Instrument
from projects.models import Donor
from states.models import State

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple 7"


@pytest.fixture(autouse=True)
def password_in_the_environment(monkeypatch):
    monkeypatch.setenv("CTASSIST_NEW_PASSWORD", PASSWORD)


def create_user(*arguments) -> str:
    out = StringIO()
    call_command("create_user", *arguments, "--password-from-env", "CTASSIST_NEW_PASSWORD", stdout=out)
    return out.getvalue()


@pytest.fixture
def donor():
    return Donor.objects.create(name="Government of Testland", kind="state")


@pytest.fixture
def expert_entry():
    return Expert.objects.create(name="Ana Test")


@pytest.mark.parametrize(
    "role, extra",
    [
        ("staff", []),
        ("administrator", []),
        ("focal-point", ["--state", "fra"]),
        ("donor", ["--donor", "government of testland"]),
        ("expert", ["--expert", "Ana Test"]),
        ("expert", []),
    ],
)
def test_each_role_is_created_and_logs_in(client, donor, expert_entry, role, extra):
    output = create_user("newcomer", "--role", role, "--email", "newcomer@example.org", *extra)
    assert "Created newcomer" in output
    user = User.objects.get(username="newcomer")
    assert role_of(user) == role and user.email == "newcomer@example.org"
    assert user.is_staff == (role in ("staff", "administrator"))
    assert user.is_superuser == (role == "administrator")
    assert client.login(username="newcomer", password=PASSWORD)
    assert client.get("/reviews/").status_code == 200  # signed in: not sent to the login page
    if role == "focal-point":
        assert user.profile.state.iso3 == "FRA" and "state France" in output
    if role == "donor":
        assert list(donor.representatives.all()) == [user]
    if role == "expert" and extra:
        expert_entry.refresh_from_db()
        assert expert_entry.user == user


def test_a_focal_point_created_so_sees_only_its_state(client):
    create_user("focal-point-france", "--role", "focal-point", "--state", "FRA")
    france, china = State.objects.get(iso3="FRA"), State.objects.get(iso3="CHN")
    requests = {
        state.iso3: AssistanceRequest.objects.create(
            state=state,
            received_on="2026-10-01",
            needs=f"Confidential test request of {state.iso3}",
            confidential=True,
        )
        for state in (france, china)
    }
    financing = Instrument.objects.get(slug="financing-1999")
    open_review(france, financing)
    open_review(china, financing)
    assert client.login(username="focal-point-france", password=PASSWORD)
    assert client.get(f"/requests/{requests['FRA'].id}/").status_code == 200
    assert client.get(f"/requests/{requests['CHN'].id}/").status_code == 404
    assert client.get("/reviews/FRA/financing-1999/").status_code == 200
    assert client.get("/reviews/CHN/financing-1999/").status_code == 404


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--role", "superhero"], "invalid choice: 'superhero'"),
        (["--role", "focal-point"], "give --state ISO3"),
        (["--role", "focal-point", "--state", "XYZ"], "Unknown state 'XYZ'"),
        (["--role", "donor"], "give --donor NAME"),
        (["--role", "donor", "--donor", "Nobody's Fund"], 'Unknown donor "Nobody\'s Fund"'),
        (["--role", "staff", "--state", "FRA"], "--state is for a focal point"),
        (["--role", "expert", "--expert", "Nobody"], "Unknown expert 'Nobody'"),
        (["--role", "staff", "--donor", "x"], "--donor is for a donor"),
    ],
)
def test_bad_arguments_are_refused_and_create_nothing(arguments, message):
    users, profiles = User.objects.count(), Profile.objects.count()
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        create_user("someone", *arguments)
    assert (User.objects.count(), Profile.objects.count()) == (users, profiles)


def test_an_existing_username_or_a_weak_password_creates_nothing(monkeypatch, staff_user):
    with pytest.raises(CommandError, match="A user named 'staff' exists already"):
        create_user("staff", "--role", "administrator")
    assert role_of(User.objects.get(username="staff")) == "staff"
    monkeypatch.setenv("CTASSIST_NEW_PASSWORD", "12345678")
    with pytest.raises(CommandError, match="The password is refused: This password is too short"):
        create_user("weak", "--role", "staff")
    monkeypatch.delenv("CTASSIST_NEW_PASSWORD")
    with pytest.raises(CommandError, match="CTASSIST_NEW_PASSWORD is not set"):
        create_user("unset", "--role", "staff")
    assert not User.objects.filter(username__in=["weak", "unset"]).exists()


def test_the_ctassist_command_names_it_with_dashes(capsys, monkeypatch):
    from ctassist import cli

    # A command run from the command line closes the database connections when it ends,
    # which on PostgreSQL would close the test's own connection and its transaction.
    monkeypatch.setattr("django.db.connections.close_all", lambda: None)

    with pytest.raises(SystemExit):
        cli.main(["create-user", "someone", "--role", "focal-point", "--password", PASSWORD])
    assert "give --state ISO3" in capsys.readouterr().err
    assert not User.objects.filter(username="someone").exists()
