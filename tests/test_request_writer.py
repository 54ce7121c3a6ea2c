"""The request writer: complete requests read back from their DOCX and PDF in four languages,
the checklist of what an incomplete one lacks, and drafts private to their author."""

import datetime
import io

import docx
import pytest
from django.utils import translation
from pypdf import PdfReader

from accounts.models import Role
from cooperation.drafting.checklist import missing_items
from cooperation.drafting.sources import finder_text
from cooperation.models import Authority, RequestDraft
from cooperation.offences import offence
from ctassist.languages import django_language
from instruments.models import Instrument
from states.models import State
from tests.conftest import make_user

ON = datetime.date(2014, 1, 1)
ADDRESS = "Bureau de l'entraide pénale internationale, 13 place Vendôme, 75042 Paris Cedex 01"
EXTRADITION_ADDRESS = "Direction des affaires criminelles et des grâces, 13 place Vendôme, 75001 Paris"


def _authority(kind, name, address):
    return Authority.objects.create(
        state=State.objects.get(iso3="FRA"),
        kind=kind,
        names={"fr": name},
        address=address,
        requirements="Requests in French or with a French translation (test record).",
        requirements_restricted=True,
        source="Test record",
    )


COMMON = {
    "requesting_authority": "Crown Prosecution Service, 102 Petty France, London",
    "contact": "A. Prosecutor, +44 20 0000 0000",
    "facts": "Funds were collected in London in 2013 and sent to a terrorist group (test facts).",
    "offence_law": "Terrorism Act 2000, section 15: fund-raising.",
    "penalty": "Imprisonment for up to 14 years.",
    "persons": "John Doe, born 1 January 1980, British national.",
    "confidential": True,
}
MLA_ANSWERS = {
    **COMMON,
    "assistance": ["production-of-records", "freezing-and-confiscation"],
    "assistance_details": "Bank records of account FR76 0000 at a Paris bank, 2012-2013.",
    "assurances": ["use-limitation"],
}
EXTRADITION_ANSWERS = {
    **COMMON,
    "purpose": "prosecution",
    "warrant": "Warrant of arrest, Westminster Magistrates' Court, 3 March 2013, ref. W-1",
    "assurances": ["speciality", "fair-trial"],
}


@pytest.fixture
def prosecutor(db):
    return make_user("prosecutor-gbr", Role.FOCAL_POINT, "GBR")


def _draft(author, kind, answers):
    basis = finder_text(
        State.objects.get(iso3="GBR"), State.objects.get(iso3="FRA"), "terrorist-financing", ON, "en"
    )
    return RequestDraft.objects.create(
        author=author,
        kind=kind,
        language="en",
        requesting_state=State.objects.get(iso3="GBR"),
        requested_state=State.objects.get(iso3="FRA"),
        offence="terrorist-financing",
        on=ON,
        answers={**answers, "legal_basis": basis, "legal_basis_language": "en"},
    )


def _docx_text(content: bytes) -> str:
    return "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(content)).paragraphs)


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _expected(language: str) -> tuple[str, str, str]:
    """What the document in `language` must say: the offence's name (the interface's
    translation), the Financing Convention's title in that language (the legal basis, from
    the data) and the requested state's name."""
    with translation.override(django_language(language)):
        offence_name = str(offence("terrorist-financing").label)
    title = Instrument.objects.with_titles().get(slug="financing-1999").display_title(language)
    return offence_name, title, State.objects.get(iso3="FRA").name(language)


@pytest.mark.parametrize("language", ["en", "fr", "ar", "zh"])
@pytest.mark.parametrize(
    "kind,answers,address",
    [("mla", MLA_ANSWERS, ADDRESS), ("extradition", EXTRADITION_ANSWERS, EXTRADITION_ADDRESS)],
)
def test_a_complete_request_reads_back_from_docx_and_pdf(
    client, prosecutor, language, kind, answers, address
):
    _authority("mla-central-authority", "Ministère de la Justice (entraide)", ADDRESS)
    _authority("extradition-authority", "Ministère de la Justice (extradition)", EXTRADITION_ADDRESS)
    draft = _draft(prosecutor, kind, answers)
    assert missing_items(kind, {**draft.answers, "requested_state": "FRA", "offence": draft.offence}) == []
    client.force_login(prosecutor)
    offence_words, basis_words, requested_name = _expected(language)
    for extension, read in (("docx", _docx_text), ("pdf", _pdf_text)):
        response = client.get(f"/cooperation/drafts/{draft.id}/request.{extension}?language={language}")
        assert response.status_code == 200
        text = read(response.content)
        assert offence_words.lower() in text.lower(), (extension, text[:2000])
        assert basis_words.lower() in text.lower(), (extension, text[:2000])
        assert requested_name in text
        # The legal basis is the finder's, in the document's language: the dates of entry into force.
        assert "2002" in text, text
        assert address in " ".join(text.split())  # the requested authority's, by kind
        assert "still missing" not in text.lower()


def test_an_incomplete_request_lists_what_is_missing(client, prosecutor):
    draft = _draft(prosecutor, "extradition", {"facts": "Something happened (test)."})
    client.force_login(prosecutor)
    page = client.get(f"/cooperation/drafts/{draft.id}/").content.decode()
    for lacking in (
        "The requesting authority",
        "The warrant of arrest or the judgment",
        "Rule of speciality",
    ):
        assert lacking in page
    assert "A summary of the facts" not in page
    labels = [item.field for item in missing_items("provisional-arrest", {"facts": "x", "urgent": True})]
    assert "urgency_reason" in labels and "full-request-follows" in labels and "speciality" not in labels
    mla = [item.field for item in missing_items("mla", {"assistance": ["transfer-in-custody"]})]
    assert "custody-and-return" in mla and "assistance" not in mla
    text = _docx_text(client.get(f"/cooperation/drafts/{draft.id}/request.docx?language=en").content)
    assert "This draft is incomplete. Still missing:" in text
    assert "No competent authority of France" in text  # no address is invented


def test_a_draft_is_invisible_to_other_users(client, prosecutor):
    draft = _draft(prosecutor, "mla", MLA_ANSWERS)
    staff = make_user("staff", Role.STAFF)
    other_state = make_user("focal-fra", Role.FOCAL_POINT, "FRA")
    same_state = make_user("colleague-gbr", Role.FOCAL_POINT, "GBR")
    urls = [f"/cooperation/drafts/{draft.id}/", f"/cooperation/drafts/{draft.id}/request.pdf"]
    for user in (staff, other_state, same_state):
        client.force_login(user)
        assert [client.get(url).status_code for url in urls] == [404, 404]
        assert "Crown Prosecution" not in client.get("/cooperation/drafts/").content.decode()
    # Shared with the users of the author's state: the colleague sees it, the others do not.
    draft.shared_with_state_staff = True
    draft.save()
    client.force_login(same_state)
    assert client.get(urls[0]).status_code == 200
    assert client.post(urls[0], {"kind": "mla"}).status_code == 403  # seeing is not changing
    assert client.post(f"/cooperation/drafts/{draft.id}/delete/").status_code == 403
    assert RequestDraft.objects.get(id=draft.id).answers["facts"] == MLA_ANSWERS["facts"]
    for user in (staff, other_state):
        client.force_login(user)
        assert client.get(urls[0]).status_code == 404
    client.logout()
    assert client.get(urls[0]).status_code == 302  # sign in first


def test_the_form_prefills_the_legal_basis_and_saves_a_draft(client, prosecutor):
    _authority("extradition-authority", "Ministère de la Justice (extradition)", EXTRADITION_ADDRESS)
    client.force_login(prosecutor)
    query = "?kind=extradition&requesting=GBR&requested=FRA&offence=terrorist-financing&on=2014-01-01"
    page = client.get("/cooperation/drafts/new/" + query).content.decode()
    assert "International Convention for the Suppression of the Financing of Terrorism" in page
    response = client.post(
        "/cooperation/drafts/new/",
        {"kind": "extradition", "language": "fr", "requesting_state": "GBR", "requested_state": "FRA",
         "offence": "terrorist-financing", "on": "2014-01-01", "facts": "<b>typed</b> facts"},
    )  # fmt: skip
    draft = RequestDraft.objects.get(author=prosecutor)
    assert response.status_code == 302 and draft.answers["facts"] == "<b>typed</b> facts"
    page = client.get(f"/cooperation/drafts/{draft.id}/").content.decode()
    assert "&lt;b&gt;typed&lt;/b&gt;" in page and "<b>typed</b>" not in page
    assert EXTRADITION_ADDRESS.replace("'", "&#x27;") in page
    assert "Requests in French" in page  # restricted requirements, for a signed-in practitioner
    same = client.post(
        "/cooperation/drafts/new/",
        {"kind": "mla", "language": "en", "requesting_state": "GBR", "requested_state": "GBR"},
    )
    assert same.status_code == 400 and RequestDraft.objects.count() == 1
