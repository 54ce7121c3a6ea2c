"""Every change is kept (who, when, what before) and can be reverted in the admin."""

import pytest

from states.models import Area

pytestmark = pytest.mark.django_db


def _form_data(page):
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    return {name: ("" if value is None else value) for name, value in data.items()}


def test_an_admin_change_is_recorded_with_its_author_and_can_be_reverted(client, staff_user):
    client.force_login(staff_user)
    area = Area.objects.get(code="014")
    change_url = f"/admin/states/area/{area.pk}/change/"

    data = _form_data(client.get(change_url))
    data["source"] = "edited by a test"
    assert client.post(change_url, data).status_code == 302

    area.refresh_from_db()
    assert area.source == "edited by a test"
    edit = area.history.first()
    assert edit.history_user == staff_user
    assert edit.history_type == "~"
    assert edit.prev_record.source == "unsd-m49"  # the key of its source in the register

    history_page = client.get(f"/admin/states/area/{area.pk}/history/")
    assert history_page.status_code == 200
    assert staff_user.username.encode() in history_page.content  # who changed it

    revert_url = f"/admin/states/area/{area.pk}/history/{edit.prev_record.history_id}/"
    revert_page = client.get(revert_url)
    assert b"Revert" in revert_page.content
    assert client.post(revert_url, _form_data(revert_page)).status_code == 302

    area.refresh_from_db()
    assert area.source == "unsd-m49"
    assert area.history.first().history_user == staff_user  # the revert is itself recorded


def test_a_focal_point_cannot_open_the_history(client, focal_point_fra):
    client.force_login(focal_point_fra)
    area = Area.objects.get(code="014")
    response = client.get(f"/admin/states/area/{area.pk}/history/")
    assert response.status_code == 302
