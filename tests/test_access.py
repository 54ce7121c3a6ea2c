"""Roles and the one access helper that every view and endpoint uses."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from accounts.access import Action, can, check, visible
from accounts.models import Profile, Role
from instruments.models import Instrument
from states.models import State
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def confidential_record_of(iso3):
    """A stand-in for a state's confidential record (requests, reviews come later)."""
    return SimpleNamespace(scope_state_id=State.objects.get(iso3=iso3).id, is_confidential=True)


def test_the_public_reads_reference_data_but_changes_nothing():
    instrument = Instrument.objects.first()
    assert can(AnonymousUser(), Action.VIEW, instrument)
    assert not can(AnonymousUser(), Action.CHANGE, instrument)
    assert visible(AnonymousUser(), Instrument.objects.all()).count() == 19


def test_a_focal_point_sees_its_own_state_record_and_never_another(focal_point_fra):
    assert can(focal_point_fra, Action.VIEW, confidential_record_of("FRA"))
    assert can(focal_point_fra, Action.CHANGE, confidential_record_of("FRA"))
    assert not can(focal_point_fra, Action.VIEW, confidential_record_of("CHN"))
    with pytest.raises(Http404):
        check(focal_point_fra, Action.VIEW, confidential_record_of("CHN"))
    with pytest.raises(PermissionDenied):
        check(focal_point_fra, Action.CHANGE, Instrument.objects.first())


def test_the_public_never_sees_a_state_record():
    assert not can(AnonymousUser(), Action.VIEW, confidential_record_of("FRA"))


def test_staff_change_everything_and_only_administrators_manage_users(staff_user, administrator):
    assert can(staff_user, Action.CHANGE, confidential_record_of("CHN"))
    assert can(staff_user, Action.PUBLISH, Instrument.objects.first())
    assert not can(staff_user, Action.MANAGE_USERS)
    assert can(administrator, Action.MANAGE_USERS)


def test_a_focal_point_needs_a_state():
    user = make_user("nostate", None)
    with pytest.raises(ValidationError):
        Profile.objects.create(user=user, role=Role.FOCAL_POINT)


def test_only_staff_reach_the_admin(client, focal_point_fra, staff_user):
    client.force_login(focal_point_fra)
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(staff_user)
    assert client.get("/admin/instruments/instrument/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403


def test_administrator_manages_users(client, administrator):
    client.force_login(administrator)
    assert client.get("/admin/auth/user/").status_code == 200


def test_language_switch_needs_csrf(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"}).status_code == 403


def test_not_found_and_not_allowed_pages_speak_the_visitors_language(client, focal_point_fra):
    response = client.get("/zh-hans/instruments/no-such-treaty/")
    assert response.status_code == 404
    assert "<h1>未找到</h1>" in response.content.decode()
    client.force_login(focal_point_fra)
    response = client.get("/laws/import/")
    assert response.status_code == 403
    assert "Your role does not allow this." in response.content.decode()


def test_every_user_logs_in_through_the_site_and_sees_the_menu_of_its_role(client, focal_point_fra):
    page = client.get("/requests/new/", follow=True)
    assert page.redirect_chain[-1][0].startswith("/accounts/login/?next=/requests/new/")
    failed = client.post("/accounts/login/", {"username": "focal-fra", "password": "wrong"})
    assert failed.status_code == 200 and "do not match an active account" in failed.content.decode()
    response = client.post(
        "/accounts/login/?next=/requests/new/",
        {"username": "focal-fra", "password": "a long test password 1", "next": "/requests/new/"},
    )
    assert response.status_code == 302 and response["Location"] == "/requests/new/"
    menu = client.get("/").content.decode()
    assert 'href="/plans/"' in menu and 'href="/matrix/"' in menu
    assert 'href="/experts/"' not in menu and 'href="/projects/"' not in menu
    assert client.post("/accounts/logout/").status_code == 302
    assert 'href="/plans/"' not in client.get("/").content.decode()
