"""The country profile of a state (issue 16, F12): its page, its PDF and `ctassist profile`.

What a reader would notice: participation with the date each status list is as at and the
instruments still lacking, the laws and reviews, and nothing the reader may not see (a
focal point's name, confidential requests, restricted contacts), neither on the page nor in
its PDF, nor as a count."""

import datetime
import io

import lxml.html
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader

from accounts.models import Role
from assessments.models import Review
from assistance.models import AssistanceRequest
from cooperation.models import Authority
from instruments.models import Instrument
from legislation.models import Law
from participation.models import ActionKind, StatusSource, TreatyAction
from reports.profile import ACTIVITIES_LISTED
from reports.profile_documents import profile_pdf
from states.models import State
from tests.conftest import make_activity, make_user
from tests.test_documents import well_printed

pytestmark = pytest.mark.django_db
D = datetime.date

CONFIDENTIAL_NEEDS = "Drafting of the confidential financing amendments"
PUBLIC_NEEDS = "Training of prosecutors on the public programme"
DIRECT_EMAIL = "direct.line@justice.example"
DIRECT_TELEPHONE = "+33 1 99 88 77 66"
RESTRICTED_REQUIREMENTS = "Requests go through the restricted channel only"
FOCAL_POINT_NAME = "Jeanne Martin"
FOCAL_POINT_EMAIL = "jeanne.martin@example.org"
ACTIVITY_TITLE = "National workshop on the Beijing Convention"


@pytest.fixture
def france():
    """France with a hand-built status list of the Beijing Convention (none is shipped), a
    review, two requests (one confidential), an activity, an authority and a focal point."""
    fra, chn = State.objects.get(iso3="FRA"), State.objects.get(iso3="CHN")
    beijing = Instrument.objects.get(slug="beijing-2010")
    assert not TreatyAction.objects.filter(instrument=beijing).exists()
    status_list = StatusSource.objects.create(
        name="Test depositary, status of the Beijing Convention 2010", citation="test", as_at=D(2020, 3, 1)
    )
    TreatyAction.objects.create(
        state=fra, instrument=beijing, kind=ActionKind.SIGNATURE, date=D(2010, 9, 15), source=status_list
    )
    TreatyAction.objects.create(
        state=fra, instrument=beijing, kind=ActionKind.RATIFICATION, date=D(2016, 5, 3), source=status_list
    )
    TreatyAction.objects.create(
        state=chn, instrument=beijing, kind=ActionKind.SIGNATURE, date=D(2010, 9, 10), source=status_list
    )
    Review.objects.create(state=fra, instrument=Instrument.objects.get(slug="financing-1999"))
    AssistanceRequest.objects.create(state=fra, received_on=D(2025, 2, 1), needs=CONFIDENTIAL_NEEDS)
    AssistanceRequest.objects.create(
        state=fra, received_on=D(2025, 3, 1), needs=PUBLIC_NEEDS, confidential=False
    )
    make_activity(ACTIVITY_TITLE, D(2025, 4, 1), D(2025, 4, 3), host="FRA")
    Authority.objects.create(
        state=fra,
        kind="mla-central-authority",
        names={"fr": "Bureau de l'entraide pénale internationale"},
        public_email="entraide@justice.example",
        direct_email=DIRECT_EMAIL,
        direct_telephone=DIRECT_TELEPHONE,
        requirements=RESTRICTED_REQUIREMENTS,
        requirements_restricted=True,
        source="test",
    )
    focal_point = make_user("focal-fra-profile", Role.FOCAL_POINT, "FRA")
    focal_point.first_name, focal_point.last_name, focal_point.email = "Jeanne", "Martin", FOCAL_POINT_EMAIL
    focal_point.save()
    return fra


def page(client, iso3="FRA", prefix=""):
    response = client.get(f"{prefix}/reports/profiles/{iso3}/")
    assert response.status_code == 200
    return response.content.decode(), lxml.html.fromstring(response.content)


def test_participation_with_the_date_of_each_list_and_the_instruments_missing(client, france):
    _body, tree = page(client)
    (row,) = tree.xpath(
        '//table[contains(@class, "profile-participation")]//tr[@data-instrument="beijing-2010"]'
    )
    assert row.xpath(".//td[@data-as-at]/@data-as-at") == ["2020-03-01"]
    assert "party, in force" in row.text_content()
    # A shipped list (UN Treaty Collection, 2014) keeps its own date.
    (financing,) = tree.xpath('//tr[@data-instrument="financing-1999"]')
    assert financing.xpath(".//td[@data-as-at]/@data-as-at")[0].startswith("2014-")
    missing = tree.xpath('//ul[@class="missing"]/li/@data-instrument')
    assert "beijing-2010" not in missing
    # China only signed: the Convention is among the instruments it still lacks.
    _body, china = page(client, "CHN")
    assert "beijing-2010" in china.xpath('//ul[@class="missing"]/li/@data-instrument')
    assert "signatory" in china.xpath('//tr[@data-instrument="beijing-2010"]')[0].text_content()
    # Instruments without any status list are said to be unknown, not missing.
    unknown = china.xpath('//div[contains(@class, "no-status-list")]//li/@data-instrument')
    assert "tokyo-1963" in unknown and "tokyo-1963" not in missing


def test_the_status_list_is_cited(client, france):
    body, tree = page(client)
    assert tree.xpath('//tr[@data-instrument="beijing-2010"]//sup[@class="cite"]')
    assert "Test depositary, status of the Beijing Convention 2010" in body


def test_laws_with_their_dates_and_sources(client, france):
    _body, tree = page(client, "CHN")
    (law,) = tree.xpath('//table[contains(@class, "profile-laws")]//tr[@data-law="cn-criminal-law"]')
    assert "中华人民共和国刑法" in law.text_content()
    # adopted, in force from, last amended, as the shipped record gives them
    assert [cell.text_content() for cell in law.xpath("td")][1:4] == [
        "1979-07-01",
        "1997-10-01",
        "2023-12-29",
    ]
    laws = tree.xpath('//table[contains(@class, "profile-laws")]//tr[@data-law]')
    assert len(laws) == Law.objects.filter(state__iso3="CHN", published=True).count()
    assert all(row.xpath(".//sup[@class='cite']") for row in laws)


def test_reviews_for_staff_and_the_states_own_focal_point(client, france, staff_user):
    client.force_login(staff_user)
    _body, tree = page(client)
    (row,) = tree.xpath('//table[contains(@class, "profile-reviews")]//tr[@data-instrument]')
    assert row.get("data-instrument") == "financing-1999" and "draft" in row.text_content()


def test_the_public_sees_no_focal_point_no_confidential_request_no_restricted_contact(client, france):
    body, tree = page(client)
    assert FOCAL_POINT_NAME not in body and FOCAL_POINT_EMAIL not in body
    assert "This state has a focal point in ctassist" in body
    assert CONFIDENTIAL_NEEDS not in body
    assert DIRECT_EMAIL not in body and DIRECT_TELEPHONE not in body and RESTRICTED_REQUIREMENTS not in body
    assert "entraide@justice.example" in body  # the authority's public fields are public
    assert ACTIVITY_TITLE not in body
    # No reviews and no activities: not even a count of them.
    assert not tree.xpath('//table[contains(@class, "profile-reviews")]')
    assert not tree.xpath('//*[contains(@class, "profile-activities")]')
    # The requests the state did not mark confidential are public (accounts.access).
    assert tree.xpath('//ul[@class="profile-requests"]/li') and PUBLIC_NEEDS in body
    assert len(tree.xpath('//ul[@class="profile-requests"]/li')) == 1


def test_another_states_focal_point_sees_no_confidential_request(client, france, focal_point_chn):
    client.force_login(focal_point_chn)
    body, tree = page(client)
    assert CONFIDENTIAL_NEEDS not in body and PUBLIC_NEEDS in body
    assert len(tree.xpath('//ul[@class="profile-requests"]/li')) == 1
    assert not tree.xpath('//table[contains(@class, "profile-reviews")]//tr[@data-instrument]')
    assert ACTIVITY_TITLE not in body
    # Signed in: the practitioners' contacts and who the focal point is.
    assert DIRECT_EMAIL in body and FOCAL_POINT_NAME in body


def test_the_states_own_focal_point_and_staff_see_its_confidential_requests(client, france, staff_user):
    for reader in (staff_user, make_user("focal-fra-2", Role.FOCAL_POINT, "FRA")):
        client.force_login(reader)
        body, tree = page(client)
        assert CONFIDENTIAL_NEEDS in body and PUBLIC_NEEDS in body
        assert len(tree.xpath('//ul[@class="profile-requests"]/li')) == 2
        assert ACTIVITY_TITLE in body and RESTRICTED_REQUIREMENTS in body


def test_an_unknown_state_is_not_found(client):
    assert client.get("/reports/profiles/XXX/").status_code == 404
    assert client.get("/reports/profiles/XXX/profile.pdf").status_code == 404


def test_the_state_page_links_to_its_profile(client):
    tree = lxml.html.fromstring(client.get("/states/FRA/").content)
    assert tree.xpath('//a[@href="/reports/profiles/FRA/"]')


def test_the_arabic_page_is_right_to_left_with_the_arabic_name(client, france):
    body, tree = page(client, prefix="/ar")
    assert tree.get("dir") == "rtl" and "فرنسا" in tree.xpath("//h1")[0].text_content()


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.parametrize("language", ["zh", "ar", "ru"])
def test_the_pdf_names_the_state_in_its_language(france, language):
    state = State.objects.get(iso3="FRA")
    text = well_printed(profile_pdf(state, None, language))
    assert state.name(language) in text


def test_the_pdf_of_the_public_holds_no_restricted_field(client, france, staff_user):
    response = client.get("/reports/profiles/FRA/profile.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "France" in text and PUBLIC_NEEDS in text
    for hidden in (
        CONFIDENTIAL_NEEDS,
        DIRECT_EMAIL,
        FOCAL_POINT_NAME,
        ACTIVITY_TITLE,
        RESTRICTED_REQUIREMENTS,
    ):
        assert hidden not in text
    client.force_login(staff_user)
    text = pdf_text(client.get("/reports/profiles/FRA/profile.pdf").content)
    for shown in (CONFIDENTIAL_NEEDS, DIRECT_EMAIL, FOCAL_POINT_NAME, ACTIVITY_TITLE):
        assert shown in text


def test_the_pdf_in_a_language_asked_and_a_bad_language(client, france):
    response = client.get("/reports/profiles/FRA/profile.pdf?language=ru")
    assert "Франция" in pdf_text(response.content)
    assert client.get("/reports/profiles/FRA/profile.pdf?language=xx").status_code == 400


def test_the_command_writes_the_public_pdf(france, tmp_path):
    out = tmp_path / "fra.pdf"
    call_command("profile", "fra", "--language", "zh", "--format", "pdf", "--out", str(out))
    text = well_printed(out.read_bytes())
    assert "法国" in text and CONFIDENTIAL_NEEDS not in text and FOCAL_POINT_NAME not in text


def test_the_command_internal_view(france, tmp_path):
    out = tmp_path / "fra-internal.pdf"
    call_command("profile", "FRA", "--language", "en", "--out", str(out), "--internal")
    text = pdf_text(out.read_bytes())
    assert CONFIDENTIAL_NEEDS in text and FOCAL_POINT_NAME in text


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["XYZ", "--language", "en"], "unknown state 'XYZ'"),
        (["FRA", "--language", "de"], "unknown language 'de'"),
        (["FRA", "--language", "en", "--format", "docx"], "unknown format 'docx'"),
    ],
)
def test_the_command_refuses_bad_arguments_and_writes_nothing(tmp_path, arguments, message):
    out = tmp_path / "profile.pdf"
    with pytest.raises(CommandError, match=message):
        call_command("profile", *arguments, "--out", str(out))
    assert list(tmp_path.iterdir()) == []


def test_a_long_history_of_activities_lists_the_latest_and_links_to_all(client, france, staff_user):
    for day in range(1, 31):
        make_activity(f"Mentoring session {day}", D(2024, 1, day), D(2024, 1, day), host="FRA")
    client.force_login(staff_user)
    body, tree = page(client)
    listed = tree.xpath('//ul[@class="profile-activities"]/li')
    assert len(listed) == ACTIVITIES_LISTED
    assert ACTIVITY_TITLE in listed[0].text_content()  # the latest first
    assert tree.xpath('//a[@href="/activities/?state=FRA"]')
