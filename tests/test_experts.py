"""The roster of experts and advisory groups (F10): filters, who sees what, assignment and suggestions."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from accounts.access import Action, can
from accounts.models import Role
from assessments.models import Review
from assistance.models import Activity
from experts.assignment import assign_to_activity, assign_to_review, suggest_experts
from experts.models import AdvisoryGroup, Expert
from instruments.models import Instrument
from states.models import Area, State
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def expert(name, regions=(), instruments=(), user=None, **fields):
    item = Expert.objects.create(name=name, user=user, **fields)
    item.regions.set(Area.objects.filter(code__in=regions))
    item.instruments.set(Instrument.objects.filter(slug__in=instruments))
    return item


@pytest.fixture
def expert_user():
    return make_user("expert-amina", Role.EXPERT)


@pytest.fixture
def roster(expert_user):
    amina = expert(
        "Amina Diallo (test record)",
        regions=["011"],  # Western Africa
        instruments=["financing-1999"],
        user=expert_user,
        email="amina@example.org",
        nationality=State.objects.get(iso3="SEN"),
        legal_systems=["civil-law", "islamic-law"],
        languages=["fr", "ar"],
    )
    john = expert(
        "John Smith (test record)",
        regions=["154"],  # Northern Europe
        instruments=["bombings-1997"],
        email="john@example.org",
        legal_systems=["common-law"],
        languages=["en"],
    )
    li = expert(
        "Li Wei (test record)",
        regions=["030"],  # Eastern Asia
        instruments=["financing-1999"],
        legal_systems=["civil-law"],
        languages=["zh"],
        active=False,
        demonstration=True,
    )
    group = AdvisoryGroup.objects.create(
        name="West African civil-law group (test record)",
        region=Area.objects.get(code="011"),
        legal_system="civil-law",
    )
    group.members.set([amina])
    AdvisoryGroup.objects.create(
        name="Common-law group (test record)", legal_system="common-law"
    ).members.set([john])
    return {"amina": amina, "john": john, "li": li}


@pytest.fixture
def activity_in_senegal():
    item = Activity.objects.create(
        title="Workshop on terrorist financing in Dakar (test record)",
        kind="national-workshop",
        starts_on=datetime.date(2026, 5, 4),
        ends_on=datetime.date(2026, 5, 6),
        host_state=State.objects.get(iso3="SEN"),
    )
    item.instruments.set(Instrument.objects.filter(slug="financing-1999"))
    return item


@pytest.fixture
def review_of_senegal():
    return Review.objects.create(
        state=State.objects.get(iso3="SEN"), instrument=Instrument.objects.get(slug="financing-1999")
    )


def names_on_page(client, url) -> list[str]:
    html = client.get(url).content.decode()
    return [name for name in ("Amina Diallo", "John Smith", "Li Wei") if name in html]


# Filters


def test_staff_filter_the_roster_page(client, staff_user, roster):
    client.force_login(staff_user)
    response = client.get("/experts/")
    assert response.status_code == 200
    assert "3 experts, 2 available." in response.content.decode()
    assert names_on_page(client, "/experts/?region=002") == ["Amina Diallo"]  # Africa holds Western Africa
    assert names_on_page(client, "/experts/?region=011") == ["Amina Diallo"]
    assert names_on_page(client, "/experts/?legal_system=civil-law") == ["Amina Diallo", "Li Wei"]
    assert names_on_page(client, "/experts/?language=en") == ["John Smith"]
    assert names_on_page(client, "/experts/?instrument=financing-1999&available=yes") == ["Amina Diallo"]
    assert names_on_page(client, "/experts/?available=no") == ["Li Wei"]
    filtered = client.get("/experts/?legal_system=civil-law&language=zh").content.decode()
    assert "1 expert, 0 available." in filtered


def test_a_bad_filter_is_named_and_shows_nobody(client, staff_user, roster):
    client.force_login(staff_user)
    response = client.get("/experts/?language=french!")
    assert response.status_code == 400
    assert "Give a language code of two or three letters" in response.content.decode()
    assert names_on_page(client, "/experts/?language=french!") == []


def test_api_filters(client, staff_user, roster):
    client.force_login(staff_user)

    def names(query):
        return [e["name"] for e in client.get(f"/api/v1/experts{query}").json()]

    assert names("") == ["Amina Diallo (test record)", "John Smith (test record)", "Li Wei (test record)"]
    assert names("?region=150") == ["John Smith (test record)"]  # Europe holds Northern Europe
    assert names("?legal_system=islamic-law") == ["Amina Diallo (test record)"]
    assert names("?language=ZH") == ["Li Wei (test record)"]
    assert names("?instrument=financing-1999&available=false") == ["Li Wei (test record)"]
    assert client.get("/api/v1/experts?legal_system=roman-law").status_code == 422
    assert client.get("/api/v1/experts?region=Africa").status_code == 422
    assert client.get("/api/v1/experts?language=french").status_code == 422


def test_api_fields(client, staff_user, roster, activity_in_senegal):
    activity_in_senegal.experts.add(roster["amina"])
    client.force_login(staff_user)
    amina = client.get("/api/v1/experts?language=fr").json()[0]
    assert amina == {
        "id": roster["amina"].id,
        "name": "Amina Diallo (test record)",
        "email": "amina@example.org",
        "nationality": "SEN",
        "regions": [{"code": "011", "name": "Western Africa"}],
        "legal_systems": ["civil-law", "islamic-law"],
        "languages": ["fr", "ar"],
        "instruments": ["financing-1999"],
        "advisory_groups": ["West African civil-law group (test record)"],
        "activities": [activity_in_senegal.id],
        "available": True,
        "demonstration": False,
    }
    groups = client.get("/api/v1/advisory-groups").json()
    assert groups[1] == {
        "id": groups[1]["id"],
        "name": "West African civil-law group (test record)",
        "region": {"code": "011", "name": "Western Africa"},
        "legal_system": "civil-law",
        "members": [{"id": roster["amina"].id, "name": "Amina Diallo (test record)"}],
        "demonstration": False,
    }


# Who sees what


def test_focal_points_donors_and_the_public_get_404(client, focal_point_fra, roster):
    donor = make_user("donor", Role.DONOR)
    amina = roster["amina"].id
    for user in (None, focal_point_fra, donor):
        if user:
            client.force_login(user)
        for url in ("/experts/", f"/experts/{amina}/", "/experts/groups/", "/experts/assign/"):
            assert client.get(url).status_code == 404, (user, url)
        assert client.get("/api/v1/experts").json() == []
        assert client.get("/api/v1/advisory-groups").json() == []


def test_an_expert_sees_only_itself(client, expert_user, roster):
    client.force_login(expert_user)
    assert names_on_page(client, "/experts/") == ["Amina Diallo"]
    assert client.get(f"/experts/{roster['amina'].id}/").status_code == 200
    assert client.get(f"/experts/{roster['john'].id}/").status_code == 404
    assert client.get("/experts/assign/").status_code == 404
    entries = client.get("/api/v1/experts").json()
    assert [e["name"] for e in entries] == ["Amina Diallo (test record)"]
    assert entries[0]["email"] is None  # e-mail addresses are for staff only
    assert [g["name"] for g in client.get("/api/v1/advisory-groups").json()] == [
        "West African civil-law group (test record)"
    ]
    groups_page = client.get("/experts/groups/").content.decode()
    assert "West African civil-law group" in groups_page and "Common-law group" not in groups_page


def test_the_expert_page_shows_what_the_expert_brings(client, staff_user, roster, activity_in_senegal):
    activity_in_senegal.experts.add(roster["amina"])
    client.force_login(staff_user)
    html = client.get(f"/experts/{roster['amina'].id}/").content.decode()
    for text in (
        "Western Africa (011)",
        "civil law, Islamic law",
        "French, Arabic",
        "Senegal",
        "West African civil-law group (test record)",
        "Workshop on terrorist financing in Dakar (test record)",
        "amina@example.org",
    ):
        assert text in html, text
    li_page = client.get(f"/experts/{roster['li'].id}/").content.decode()
    assert "demonstration data" in li_page and 'class="demonstration-banner"' in li_page
    assert 'class="demonstration-banner"' not in html  # Amina is a real record
    assert "demonstration data" in client.get("/experts/").content.decode()


def test_advisory_groups_by_region(client, staff_user, roster):
    client.force_login(staff_user)
    html = client.get("/experts/groups/").content.decode()
    assert (
        html.index("Western Africa") < html.index("West African civil-law group") < html.index("Amina Diallo")
    )
    assert html.index("No particular region") < html.index("Common-law group") < html.index("John Smith")


def test_an_expert_name_is_escaped(client, staff_user):
    bad = expert("<script>alert(1)</script> (test record)")
    client.force_login(staff_user)
    for url in ("/experts/", f"/experts/{bad.id}/"):
        html = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# Assignment


def test_assignment_opens_the_activity_and_the_review_to_the_expert(
    client, staff_user, expert_user, roster, activity_in_senegal, review_of_senegal
):
    amina = roster["amina"]
    client.force_login(expert_user)
    assert client.get("/api/v1/activities").json() == []
    assert client.get("/reviews/SEN/financing-1999/").status_code == 404

    client.force_login(staff_user)
    page = f"/experts/{amina.id}/"
    assert (
        client.post(
            page, {"expert": amina.id, "activity": activity_in_senegal.id, "operation": "assign"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            page, {"expert": amina.id, "review": review_of_senegal.id, "operation": "assign"}
        ).status_code
        == 302
    )
    html = client.get(page).content.decode()
    assert (
        "Workshop on terrorist financing in Dakar" in html and 'href="/reviews/SEN/financing-1999/"' in html
    )

    client.force_login(expert_user)
    assert [a["id"] for a in client.get("/api/v1/activities").json()] == [activity_in_senegal.id]
    assert client.get("/reviews/SEN/financing-1999/").status_code == 200
    assert can(expert_user, Action.VIEW, activity_in_senegal)

    client.force_login(staff_user)
    client.post(page, {"expert": amina.id, "review": review_of_senegal.id, "operation": "unassign"})
    client.force_login(expert_user)
    assert client.get("/reviews/SEN/financing-1999/").status_code == 404


def test_only_staff_assign(client, expert_user, focal_point_fra, roster, activity_in_senegal):
    with pytest.raises(PermissionDenied):
        assign_to_activity(roster["amina"], activity_in_senegal, focal_point_fra)
    with pytest.raises(PermissionDenied):
        assign_to_activity(roster["amina"], activity_in_senegal, expert_user)
    client.force_login(expert_user)
    response = client.post(
        f"/experts/{roster['amina'].id}/",
        {"expert": roster["amina"].id, "activity": activity_in_senegal.id, "operation": "assign"},
    )
    assert response.status_code == 403
    assert not activity_in_senegal.experts.exists()


def test_an_expert_without_account_cannot_be_assigned_to_a_review(
    client, staff_user, roster, review_of_senegal
):
    with pytest.raises(ValidationError, match="has no user account"):
        assign_to_review(roster["john"], review_of_senegal, staff_user)
    client.force_login(staff_user)
    response = client.post(
        f"/experts/assign/?review={review_of_senegal.id}",
        {"expert": roster["john"].id, "review": review_of_senegal.id, "operation": "assign"},
    )
    assert response.status_code == 400
    assert "John Smith (test record) has no user account" in response.content.decode()
    assert not review_of_senegal.experts.exists()


def test_bad_assignments_are_refused_with_a_message(client, staff_user, roster, activity_in_senegal):
    client.force_login(staff_user)
    page = f"/experts/{roster['li'].id}/"
    response = client.post(page, {"expert": roster["li"].id, "activity": 999999, "operation": "assign"})
    assert response.status_code == 400
    assert "Activity number: There is no activity with this number." in response.content.decode()
    response = client.post(
        page, {"expert": roster["li"].id, "activity": activity_in_senegal.id, "operation": "assign"}
    )
    assert "Li Wei (test record) is not available." in response.content.decode()
    response = client.post(page, {"expert": roster["li"].id, "operation": "assign"})
    assert "Choose either an activity or a review." in response.content.decode()
    assert not activity_in_senegal.experts.exists()
    amina_page = f"/experts/{roster['amina'].id}/"
    posted = {"expert": roster["john"].id, "activity": activity_in_senegal.id, "operation": "assign"}
    assert client.post(amina_page, posted).status_code == 302
    assert list(activity_in_senegal.experts.all()) == [
        roster["amina"]
    ]  # the page's expert, whatever is posted


# Suggestions


def test_suggestions_rank_the_matching_expert_first(client, staff_user, roster, activity_in_senegal):
    suggested = suggest_experts(activity_in_senegal)
    assert [s.expert.name for s in suggested] == ["Amina Diallo (test record)", "John Smith (test record)"]
    assert suggested[0].score > suggested[1].score == 0  # Li Wei is not available
    in_london = Activity.objects.create(
        title="Seminar on terrorist bombings (test record)",
        kind="regional-seminar",
        starts_on=datetime.date(2026, 6, 1),
        ends_on=datetime.date(2026, 6, 2),
        host_state=State.objects.get(iso3="GBR"),
    )
    in_london.instruments.set(Instrument.objects.filter(slug="bombings-1997"))
    assert suggest_experts(in_london)[0].expert == roster["john"]

    client.force_login(staff_user)
    html = client.get(f"/experts/assign/?activity={activity_in_senegal.id}").content.decode()
    assert html.index("Amina Diallo") < html.index("John Smith")
    assert "instruments: financing-1999" in html and "languages: French" in html
    response = client.post(
        f"/experts/assign/?activity={activity_in_senegal.id}",
        {"expert": roster["amina"].id, "activity": activity_in_senegal.id, "operation": "assign"},
    )
    assert response.status_code == 302
    assert list(activity_in_senegal.experts.all()) == [roster["amina"]]
    assert [s.expert for s in suggest_experts(activity_in_senegal)] == [roster["john"]]  # not twice


def test_staff_manage_the_roster_in_the_admin(client, staff_user, roster):
    client.force_login(staff_user)
    listing = client.get("/admin/experts/expert/?legal_system=common-law").content.decode()
    assert "John Smith" in listing and "Amina Diallo" not in listing
    response = client.post(
        f"/admin/experts/expert/{roster['john'].id}/change/",
        {
            "name": "John Smith (test record)",
            "email": "john@example.org",
            "legal_systems": ["common-law", "mixed"],
            "languages": "en, FR",
            "active": "on",
            "regions": [Area.objects.get(code="154").id],
            "instruments": [Instrument.objects.get(slug="bombings-1997").id],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    roster["john"].refresh_from_db()
    assert roster["john"].languages == ["en", "fr"] and roster["john"].legal_systems == [
        "common-law",
        "mixed",
    ]
    refused = client.post(
        f"/admin/experts/expert/{roster['john'].id}/change/",
        {"name": "John Smith (test record)", "languages": "English", "active": "on"},
    )
    assert "Not language codes: english" in refused.content.decode()


def test_review_suggestions_leave_out_experts_without_account(client, staff_user, roster, review_of_senegal):
    client.force_login(staff_user)
    html = client.get(f"/experts/assign/?review={review_of_senegal.id}").content.decode()
    suggestions = html[html.index('id="suggestions"') :]
    assert "Amina Diallo" in suggestions and "John Smith" not in suggestions


def test_the_roster_in_chinese_and_arabic(client, staff_user, roster):
    client.force_login(staff_user)
    # The locale middleware leaves the page's language active in this thread: put it back after.
    with translation.override("en"):
        chinese = client.get(f"/zh-hans/experts/{roster['amina'].id}/").content.decode()
        arabic = client.get("/ar/experts/").content.decode()
    assert 'lang="zh-hans"' in chinese and "法语" in chinese  # language names from CLDR
    assert 'dir="rtl"' in arabic and "Amina Diallo (test record)" in arabic
