import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import translation

from accounts.models import Profile, Role
from assistance.models import Activity
from states.models import State


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the real reference data, loaded once."""
    with django_db_blocker.unblock():
        call_command("compile_translations", verbosity=0)
        call_command("load_reference", verbosity=0)


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The manifest storage of production needs collectstatic; tests use the plain one.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _default_language():
    # A request for an /ar/ or /zh/ page leaves its language active in the thread.
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


def pytest_collection_modifyitems(items):
    # Browser tests use a live server and flush the database when they end, so they run last.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


def make_user(username: str, role: str | None, state_iso3: str | None = None) -> User:
    user = User.objects.create_user(username, password="a long test password 1")
    if role:
        state = State.objects.get(iso3=state_iso3) if state_iso3 else None
        Profile.objects.create(user=user, role=role, state=state)
        user.refresh_from_db()
    return user


def make_activity(title, starts, ends, status="planned", host=None, states=(), demonstration=False):
    """A national workshop hosted by `host` (ISO3) with `states` taking part."""
    item = Activity.objects.create(
        title=title,
        kind="national-workshop",
        starts_on=starts,
        ends_on=ends,
        status=status,
        host_state=State.objects.get(iso3=host) if host else None,
        demonstration=demonstration,
    )
    item.participating_states.set(State.objects.filter(iso3__in=states))
    return item


@pytest.fixture
def without_reported_records(db):
    """Leave out the real activities and outcomes that load-reference records from published
    reports (the 2004 report's, with a source), for tests that count every activity or outcome."""
    from outcomes.models import Outcome

    Outcome.objects.exclude(source="").delete()
    Activity.objects.exclude(source="").delete()


@pytest.fixture
def staff_user(db):
    return make_user("staff", Role.STAFF)


@pytest.fixture
def administrator(db):
    return make_user("admin", Role.ADMINISTRATOR)


@pytest.fixture
def focal_point_fra(db):
    return make_user("focal-fra", Role.FOCAL_POINT, "FRA")


@pytest.fixture
def focal_point_chn(db):
    return make_user("focal-chn", Role.FOCAL_POINT, "CHN")
