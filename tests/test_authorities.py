"""The directory of competent national authorities: public and restricted fields, who keeps an
entry, and entries that may be out of date."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from accounts.models import Role
from cooperation import directory
from cooperation.models import Authority, AuthorityKind
from states.models import State
from tests.conftest import make_user

DIRECT_PHONE = "+00 000 DIRECT-LINE"
DIRECT_EMAIL = "direct.line@example.org"
SECRET_REQUIREMENT = "Requests must cite file numbers of the form RESTRICTED-REQ"
PUBLIC_REQUIREMENT = "Requests in writing, with a translation"


def make_authority(iso3="FRA", kind=AuthorityKind.MLA_CENTRAL_AUTHORITY, restricted=True, **fields):
    values = {
        "state": State.objects.get(iso3=iso3),
        "kind": kind,
        "names": {"fr": f"Bureau d'entraide de test {iso3}", "en": f"Test mutual assistance office {iso3}"},
        "address": "1 rue de l'Exemple",
        "public_telephone": "+00 000 PUBLIC",
        "public_email": "public@example.org",
        "direct_telephone": DIRECT_PHONE,
        "direct_email": DIRECT_EMAIL,
        "requirements": SECRET_REQUIREMENT if restricted else PUBLIC_REQUIREMENT,
        "requirements_restricted": restricted,
        "last_confirmed": timezone.localdate(),
        "source": "Test entry",
        **fields,
    }
    return Authority.objects.create(**values)


@pytest.fixture
def entry(db):
    return make_authority()


@pytest.fixture
def practitioner(db):
    return make_user("expert", Role.EXPERT)


def restricted_in(text: str) -> list[str]:
    return [value for value in (DIRECT_PHONE, DIRECT_EMAIL, SECRET_REQUIREMENT) if value in text]


def export_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_public_sees_public_fields_and_never_the_restricted_ones(client, entry):
    for url in (
        f"/cooperation/authorities/{entry.id}/",
        "/cooperation/authorities/",
        "/states/FRA/",
        f"/ar/cooperation/authorities/{entry.id}/",
    ):
        page = client.get(url).content.decode()
        assert "Test mutual assistance office FRA" in page or "Bureau d&#x27;entraide" in page, url
        assert restricted_in(page) == [], url
    detail = client.get(f"/cooperation/authorities/{entry.id}/").content.decode()
    assert "public@example.org" in detail
    assert "shown to signed-in practitioners" in detail


def test_the_export_and_the_api_withhold_restricted_fields_from_the_public(client, entry):
    export = client.get("/cooperation/authorities/export.csv")
    assert export["Content-Type"].startswith("text/csv")
    assert restricted_in(export.content.decode()) == []
    [row] = export_rows(export)
    assert row["email"] == "public@example.org" and row["requirements"] == ""
    assert "direct_email" not in row
    api = client.get("/api/v1/authorities?state=FRA")
    assert api.status_code == 200
    [item] = api.json()
    assert restricted_in(api.content.decode()) == []
    assert "direct_email" not in item and item["telephone"] == "+00 000 PUBLIC"


def test_a_signed_in_practitioner_gets_the_restricted_fields(client, entry, practitioner):
    client.force_login(practitioner)
    detail = client.get(f"/cooperation/authorities/{entry.id}/").content.decode()
    assert restricted_in(detail) == [DIRECT_PHONE, DIRECT_EMAIL, SECRET_REQUIREMENT]
    [row] = export_rows(client.get("/cooperation/authorities/export.csv?state=FRA"))
    assert (row["direct_telephone"], row["direct_email"]) == (DIRECT_PHONE, DIRECT_EMAIL)
    assert row["restricted_requirements"] == SECRET_REQUIREMENT
    [item] = client.get("/api/v1/authorities?state=FRA&kind=mla-central-authority").json()
    assert item["direct_email"] == DIRECT_EMAIL and item["restricted_requirements"] == SECRET_REQUIREMENT


def test_a_signed_in_user_without_a_role_is_not_a_practitioner(client, entry):
    client.force_login(make_user("nobody", None))
    assert restricted_in(client.get(f"/cooperation/authorities/{entry.id}/").content.decode()) == []
    assert restricted_in(client.get("/api/v1/authorities").content.decode()) == []


def test_unrestricted_requirements_are_public(client, db):
    item = make_authority(restricted=False)
    assert PUBLIC_REQUIREMENT in client.get(f"/cooperation/authorities/{item.id}/").content.decode()


def test_the_api_filters_by_kind_and_names_an_unknown_state(client, entry):
    make_authority(kind=AuthorityKind.FINANCIAL_INTELLIGENCE_UNIT)
    kinds = [
        item["kind"] for item in client.get("/api/v1/authorities?kind=financial-intelligence-unit").json()
    ]
    assert kinds == ["financial-intelligence-unit"]
    bad = client.get("/api/v1/authorities?state=XXX")
    assert bad.status_code == 400 and "XXX" in bad.content.decode()
    assert client.get("/api/v1/authorities?kind=embassy").status_code == 422


def test_a_focal_point_cannot_edit_or_confirm_another_states_entry(client, focal_point_fra):
    german = make_authority("DEU", last_confirmed=datetime.date(2020, 1, 1))
    client.force_login(focal_point_fra)
    assert client.get(f"/cooperation/authorities/{german.id}/edit/").status_code == 404
    posted = client.post(f"/cooperation/authorities/{german.id}/edit/", {"name_en": "Hijacked", "kind": "x"})
    assert posted.status_code == 404
    assert client.post(f"/cooperation/authorities/{german.id}/confirm/").status_code == 404
    assert client.get("/cooperation/states/DEU/authorities/new/").status_code == 404
    german.refresh_from_db()
    assert german.names["en"] == "Test mutual assistance office DEU"
    assert german.last_confirmed == datetime.date(2020, 1, 1)
    assert "Edit this entry" not in client.get(f"/cooperation/authorities/{german.id}/").content.decode()


def form_data(**changes):
    data = {
        "name_fr": "Bureau de l'entraide pénale internationale",
        "name_en": "",
        "other_names": "de: Büro für Rechtshilfe",
        "kind": AuthorityKind.MLA_CENTRAL_AUTHORITY,
        "address": "13 place Vendôme, Paris",
        "languages_text": "fr, en",
        "channels": ["diplomatic", "direct"],
        "convention_as_legal_basis": "yes",
        "source": "Sent by the focal point",
    }
    return {**data, **changes}


def test_a_focal_point_records_edits_and_confirms_its_own_states_entries(client, focal_point_fra):
    client.force_login(focal_point_fra)
    assert "Record a competent authority" in client.get("/states/FRA/").content.decode()
    created = client.post("/cooperation/states/FRA/authorities/new/", form_data(confirm_now=""))
    assert created.status_code == 302
    item = Authority.objects.get()
    assert item.state.iso3 == "FRA" and item.last_confirmed is None
    assert item.names == {"fr": "Bureau de l'entraide pénale internationale", "de": "Büro für Rechtshilfe"}
    assert item.channels == ["diplomatic", "direct"] and item.languages_accepted == ["fr", "en"]

    edited = client.post(
        f"/cooperation/authorities/{item.id}/edit/", form_data(address="20 rue Neuve", confirm_now="on")
    )
    assert edited.status_code == 302
    item.refresh_from_db()
    assert item.address == "20 rue Neuve" and item.last_confirmed == timezone.localdate()

    item.last_confirmed = datetime.date(2020, 1, 1)
    item.save()
    assert client.post(f"/cooperation/authorities/{item.id}/confirm/").status_code == 302
    item.refresh_from_db()
    assert item.last_confirmed == timezone.localdate()


def test_bad_input_is_named_and_changes_nothing(client, focal_point_fra, entry):
    client.force_login(focal_point_fra)
    response = client.post(
        f"/cooperation/authorities/{entry.id}/edit/",
        form_data(name_fr="", other_names="", languages_text="french language", address="changed"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Give the authority&#x27;s name in at least one language." in page
    assert "Not a language code: french, language." in page
    entry.refresh_from_db()
    assert entry.address == "1 rue de l'Exemple"


def test_the_public_cannot_edit(client, entry):
    response = client.get(f"/cooperation/authorities/{entry.id}/edit/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_entry_is_stale_after_12_months(db):
    item = make_authority(last_confirmed=datetime.date(2025, 3, 31))
    assert not item.is_stale(datetime.date(2026, 3, 30))
    assert item.is_stale(datetime.date(2026, 3, 31))
    assert list(directory.stale_entries(datetime.date(2026, 3, 30))) == []
    assert list(directory.stale_entries(datetime.date(2026, 4, 1))) == [item]
    never = make_authority(kind=AuthorityKind.EXTRADITION_AUTHORITY, last_confirmed=None)
    assert never.is_stale(datetime.date(2026, 3, 30))
    # Confirmed on 29 February: twelve months have passed on 1 March of the next year.
    leap = make_authority("DEU", last_confirmed=datetime.date(2024, 2, 29))
    assert not leap.is_stale(datetime.date(2025, 2, 28)) and leap.is_stale(datetime.date(2025, 3, 1))


def test_a_stale_entry_says_so_on_its_pages(client, db):
    old = make_authority(last_confirmed=timezone.localdate() - datetime.timedelta(days=400))
    fresh = make_authority("DEU")
    assert "Possibly out of date" in client.get(f"/cooperation/authorities/{old.id}/").content.decode()
    assert "Possibly out of date" not in client.get(f"/cooperation/authorities/{fresh.id}/").content.decode()
    assert "possibly out of date" in client.get("/states/FRA/").content.decode()
    assert "possibly out of date" not in client.get("/states/DEU/").content.decode()
    [item] = client.get("/api/v1/authorities?state=FRA").json()
    assert item["possibly_out_of_date"] is True


def test_staff_see_the_stale_entries_and_no_one_else_does(client, staff_user, focal_point_fra):
    old = make_authority(last_confirmed=timezone.localdate() - datetime.timedelta(days=400))
    make_authority("DEU")
    url = "/cooperation/authorities/out-of-date/"
    client.force_login(staff_user)
    page = client.get(url).content.decode()
    assert f'data-authority="{old.id}"' in page and page.count("data-authority=") == 1
    client.force_login(focal_point_fra)
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


def test_the_directory_says_plainly_that_no_entry_is_shipped(client, db):
    page = client.get("/cooperation/authorities/").content.decode()
    assert "ctassist ships no contact details" in page
    assert (
        "No competent authority has been recorded for this state."
        in client.get("/states/KEN/").content.decode()
    )


def test_the_list_filters_by_state_and_kind(client, entry):
    make_authority("DEU", kind=AuthorityKind.EXTRADITION_AUTHORITY)
    page = client.get("/cooperation/authorities/?state=DEU").content.decode()
    assert "office DEU" in page and "office FRA" not in page
    page = client.get("/cooperation/authorities/?kind=mla-central-authority").content.decode()
    assert "office FRA" in page and "office DEU" not in page


def test_demo_data_makes_labelled_authorities_and_clear_removes_them(client, db):
    import demo.generate

    real = make_authority()
    counts = demo.generate.generate(activities=40, today=datetime.date(2026, 12, 6))
    generated = Authority.objects.filter(demonstration=True)
    assert counts.counts["competent authorities"] == generated.count() > 0
    assert all(
        "(demonstration)" in item.name() and item.direct_email.endswith(".invalid") for item in generated
    )
    assert generated.filter(last_confirmed__lt=datetime.date(2025, 12, 6)).exists()
    page = client.get(f"/cooperation/authorities/{generated.first().id}/").content.decode()
    assert "demonstration data" in page
    demo.generate.clear()
    assert list(Authority.objects.all()) == [real]


def test_staff_record_entries_and_treaties_in_the_admin_and_focal_points_do_not(
    client, staff_user, focal_point_fra
):
    client.force_login(staff_user)
    assert client.get("/admin/cooperation/authority/").status_code == 200
    assert client.get("/admin/cooperation/bilateraltreaty/add/").status_code == 200
    client.force_login(focal_point_fra)
    assert client.get("/admin/cooperation/bilateraltreaty/add/").status_code != 200
