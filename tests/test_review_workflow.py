"""Starting a review and linking provisions as staff do it on the pages: no URL typed, no id typed."""

import re

import pytest
from django.test import Client

from accounts.models import Role
from assessments import suggestions as engine
from assessments.models import FindingStatus, Review
from assessments.services import (
    checklist,
    obligation_profiles,
    open_review,
    state_provisions,
    suggestion_inputs,
    suggestions_for_review,
)
from instruments.models import Instrument
from legislation.models import Law, LawVersion, Provision
from states.models import State
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
FRA_FINANCING = "/reviews/FRA/financing-1999/"


def test_staff_start_a_review_from_the_state_page(client, staff_user):
    client.force_login(staff_user)
    page = client.get("/states/FRA/").content.decode()
    assert "Start a review" in page and 'name="state" value="FRA"' in page
    assert 'value="financing-1999"' in page  # the instruments to choose from
    action = re.search(r'<form method="post" action="(/reviews/start/)"', page).group(1)
    response = client.post(action, {"state": "FRA", "instrument": "financing-1999"}, follow=True)
    assert response.redirect_chain[-1][0] == FRA_FINANCING
    body = response.content.decode()
    assert "Review opened: France against the" in body
    review = Review.objects.get(state__iso3="FRA", instrument__slug="financing-1999")
    assert review.findings.count() == len(checklist(review.instrument)) > 5
    # The state's page now lists it.
    assert FRA_FINANCING in client.get("/states/FRA/").content.decode()


def test_staff_start_a_review_from_the_list_and_an_existing_one_opens_as_it_is(client, staff_user):
    client.force_login(staff_user)
    page = client.get("/reviews/").content.decode()
    assert "Start a review" in page
    assert '<option value="CHN">China</option>' in page and 'value="financing-1999"' in page
    client.post("/reviews/start/", {"state": "CHN", "instrument": "financing-1999"})
    review = Review.objects.get(state__iso3="CHN", instrument__slug="financing-1999")
    finding = review.findings.first()
    finding.status = FindingStatus.PARTLY
    finding.save()
    response = client.post("/reviews/start/", {"state": "CHN", "instrument": "financing-1999"}, follow=True)
    assert response.redirect_chain[-1][0] == "/reviews/CHN/financing-1999/"
    assert "China already has a review against the" in response.content.decode()
    assert Review.objects.filter(state__iso3="CHN").count() == 1
    finding.refresh_from_db()
    assert finding.status == FindingStatus.PARTLY  # nothing reset


def test_only_staff_start_a_review(client, focal_point_fra):
    expert = make_user("an-expert", Role.EXPERT)
    donor = make_user("a-donor", Role.DONOR)
    for user in (focal_point_fra, expert, donor):
        client.force_login(user)
        assert (
            client.post("/reviews/start/", {"state": "FRA", "instrument": "financing-1999"}).status_code
            == 403
        )
        assert client.post(f"{FRA_FINANCING}open/").status_code == 403
        assert "Start a review" not in client.get("/states/FRA/").content.decode()
        assert "Start a review" not in client.get("/reviews/").content.decode()
    client.logout()
    response = client.post("/reviews/start/", {"state": "FRA", "instrument": "financing-1999"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Review.objects.exists()


def test_starting_needs_a_post_with_the_csrf_token_and_a_known_instrument(staff_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    assert client.get("/reviews/start/?state=FRA&instrument=financing-1999").status_code == 405
    assert client.post("/reviews/start/", {"state": "FRA", "instrument": "financing-1999"}).status_code == 403
    page = client.get("/reviews/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(
        "/reviews/start/", {"state": "FRA", "instrument": "no-such-treaty", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Review.objects.exists()
    response = client.post(
        "/reviews/start/", {"state": "FRA", "instrument": "financing-1999", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302 and Review.objects.count() == 1


@pytest.fixture
def review():
    return open_review(State.objects.get(iso3="FRA"), Instrument.objects.get(slug="financing-1999"))


def provision(law_slug: str, number: str) -> Provision:
    return Provision.objects.get(version__law__slug=law_slug, version__valid_to__isnull=True, number=number)


def test_provisions_are_found_by_number_or_words_and_ticked_to_link_them(client, review, staff_user):
    finding = review.findings.order_by("obligation__position").last()
    wanted = provision("fr-code-penal-titre-ii", "421-2-2")
    client.force_login(staff_user)
    by_number = client.get(FRA_FINANCING, {"finding": finding.id, "q": "421-2-2"}).content.decode()
    box = f'<input type="checkbox" name="{finding.id}-provisions" value="{wanted.id}">'
    assert box in by_number
    assert "Code pénal, livre IV, titre II : Du terrorisme (art. 421-1 à 422-7) 421-2-2 — " in by_number
    assert "provisions found" in by_number or "provision found" in by_number
    # Words of the text find it too; only this finding's list shows what was found.
    by_words = client.get(
        FRA_FINANCING, {"finding": finding.id, "q": "financement terroriste"}
    ).content.decode()
    assert box in by_words
    other = review.findings.exclude(id=finding.id).first()
    assert f'id="q-{other.id}"' not in by_words and f'id="q-{finding.id}"' in by_words  # one finding edited
    response = client.post(
        f"{FRA_FINANCING}findings/{finding.id}/",
        {f"{finding.id}-status": "partly", f"{finding.id}-provisions": [str(wanted.id)]},
    )
    assert response.status_code == 302
    assert list(finding.provisions.all()) == [wanted]
    page = client.get(FRA_FINANCING).content.decode()
    assert "Code pénal, livre IV, titre II : Du terrorisme (art. 421-1 à 422-7) 421-2-2</a>" in page
    assert f'href="?finding={finding.id}#finding-{finding.id}">Edit this finding</a>' in page
    page = client.get(FRA_FINANCING, {"finding": finding.id}).content.decode()
    # Linked: ticked in the edit form; unticking (posting without it) unlinks it.
    assert f'<input type="checkbox" name="{finding.id}-provisions" value="{wanted.id}" checked>' in page
    client.post(f"{FRA_FINANCING}findings/{finding.id}/", {f"{finding.id}-status": "partly"})
    assert not finding.provisions.exists()


def test_a_search_shows_provisions_numbered_in_full():
    canada = State.objects.get(iso3="CAN")
    from assessments.services import find_provisions

    found = find_provisions(canada, "83.18(1)")
    assert found and found[0].full_number == "83.18(1)"
    assert all(p.version.law.state_id == canada.id for p in find_provisions(canada, "terrorist"))
    assert find_provisions(canada, "") == []
    assert find_provisions(canada, "421-2-2") == []  # a French number: not Canada's


def test_a_typed_id_of_another_state_or_of_nothing_is_refused(client, review, staff_user):
    finding = review.findings.first()
    german = Provision.objects.filter(version__law__state__iso3="DEU").first()
    client.force_login(staff_user)
    for value in (str(german.id), "x"):
        response = client.post(
            f"{FRA_FINANCING}findings/{finding.id}/",
            {f"{finding.id}-status": "fully", f"{finding.id}-provisions": value},
        )
        assert response.status_code == 400
    assert not finding.provisions.exists()
    finding.refresh_from_db()
    assert finding.status == FindingStatus.NOT_ASSESSED


def engine_suggestions(review, top=5) -> dict[int, list[tuple[int, float, list[str]]]]:
    """What the engine says for each obligation of the review, one obligation at a time (as the
    page computed it before it read each provision once for all)."""
    everything, thesaurus = suggestion_inputs()
    by_language = {}
    for item in state_provisions(review.state):
        by_language.setdefault(item.version.law.language, []).append(item)
    result = {}
    for obligation in checklist(review.instrument):
        target = obligation_profiles([obligation])[0]
        ranked = []
        for language, group in by_language.items():
            texts = [(p.number, p.heading, p.text) for p in group]
            found = engine.rank_provisions_for_obligation(
                target, texts, language, thesaurus, top, obligations=everything
            )
            ranked += [(group[index].id, score, why) for index, score, why in found]
        ranked.sort(key=lambda item: -item[1])
        result[obligation.id] = ranked[:top]
    return result


@pytest.mark.parametrize("iso3", ["FRA", "CAN"])
def test_the_page_suggests_what_the_engine_suggests(client, staff_user, iso3):
    review = open_review(State.objects.get(iso3=iso3), Instrument.objects.get(slug="financing-1999"))
    expected = engine_suggestions(review)
    shown = {
        obligation_id: [(s.provision.id, s.score, s.why) for s in found]
        for obligation_id, found in suggestions_for_review(review).items()
    }
    assert shown == expected
    assert sum(map(len, expected.values())) > 10
    client.force_login(staff_user)
    body = client.get(f"/reviews/{iso3}/financing-1999/").content.decode()
    best = max((found[0] for found in expected.values() if found), key=lambda item: item[1])
    shown_best = Provision.objects.get(id=best[0])
    assert f"{shown_best.full_number} — " in body and f"{best[1]:.2f}" in body
    # In the edit form of that obligation's finding, the suggestions are boxes to tick.
    obligation_id = next(oid for oid, found in expected.items() if found and found[0] == best)
    finding = review.findings.get(obligation_id=obligation_id)
    form = client.get(f"/reviews/{iso3}/financing-1999/", {"finding": finding.id}).content.decode()
    assert f'<input type="checkbox" name="{finding.id}-provisions" value="{best[0]}">' in form


def test_kept_suggestions_follow_a_new_version_of_a_law(review):
    before = suggestions_for_review(review)
    assert suggestions_for_review(review) == before  # from the cache: the same
    law = Law.objects.get(slug="fr-code-penal-titre-ii")
    version = LawVersion.objects.create(law=law, valid_from="2030-01-01", source="test")
    law.versions.exclude(id=version.id).update(valid_to="2029-12-31")
    Provision.objects.create(
        version=version,
        position=1,
        kind="article",
        number="421-2-2",
        text="Constitue également un acte de terrorisme le fait de financer une entreprise terroriste "
        "en fournissant, en réunissant ou en gérant des fonds, des valeurs ou des biens quelconques.",
        eid="art_421-2-2",
    )
    after = suggestions_for_review(review)
    assert after != before
    assert {s.provision.version_id for found in after.values() for s in found} == {version.id}
    shown = {oid: [(s.provision.id, s.score, s.why) for s in found] for oid, found in after.items()}
    assert shown == engine_suggestions(review)
