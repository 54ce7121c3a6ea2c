"""A prosecutor signs in, finds the legal basis between the United Kingdom and France, drafts
a request for extradition from it and downloads it as PDF."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from accounts.models import Role
from cooperation.models import Authority
from states.models import State
from tests.conftest import make_user

pytestmark = pytest.mark.browser
PASSWORD = "a long test password 1"
ADDRESS = "Direction des affaires criminelles et des grâces, 13 place Vendôme, 75001 Paris (test record)"


def test_a_prosecutor_drafts_an_extradition_request_from_the_legal_basis(page):
    prosecutor = make_user("prosecutor-gbr", Role.FOCAL_POINT, "GBR")
    Authority.objects.create(
        state=State.objects.get(iso3="FRA"),
        kind="extradition-authority",
        names={"fr": "Ministère de la Justice"},
        address=ADDRESS,
        source="Test record",
    )

    page.goto("/accounts/login/?next=/cooperation/legal-basis/")
    page.get_by_label("User name").fill(prosecutor.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("Requesting State").select_option("GBR")
    page.get_by_label("Requested State").select_option("FRA")
    page.get_by_label("Offence").select_option("terrorist-financing")
    page.get_by_label("Date").fill("2014-01-01")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("main")).to_contain_text("Financing of Terrorism")

    page.locator(".draft-links").get_by_role("link", name="extradition").click()
    expect(page.get_by_label("Legal basis:", exact=True)).to_have_value(
        re.compile("International Convention for the Suppression of the Financing of Terrorism")
    )
    page.get_by_label("Summary of the facts").fill("Funds were sent from London to a terrorist group (test).")
    page.get_by_label("Text of the law that defines the offence").fill("Terrorism Act 2000, section 15.")
    page.get_by_role("button", name="Save the draft").click()
    expect(page).to_have_url(re.compile(r"/cooperation/drafts/\d+/$"))
    expect(page.locator(".missing")).to_contain_text("The penalty the law provides for the offence")
    expect(page.locator("main")).to_contain_text("13 place Vendôme")

    with page.expect_download() as waiting:
        page.locator("li[lang=en]").get_by_role("link", name="PDF").click()
    download = waiting.value
    assert download.suggested_filename.endswith("-en.pdf")
    response = page.request.get(
        page.locator("li[lang=en]").get_by_role("link", name="PDF").get_attribute("href")
    )
    assert response.headers["content-type"] == "application/pdf"
    with open(download.path(), "rb") as saved:
        text = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(saved.read())).pages).split())
    assert "Request for extradition" in text
    assert "International Convention for the Suppression of the Financing of Terrorism" in text
    assert "13 place Vendôme" in text
