"""Kenya's focal point submits a request; staff plan an activity that answers it; the
activity appears in that month's matrix and calendar."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from tests.conftest import make_user

pytestmark = pytest.mark.browser
PASSWORD = "a long test password 1"


def log_in(page, username: str, next_url: str) -> None:
    page.goto(f"/accounts/login/?next={next_url}")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_a_request_is_answered_by_an_activity_in_the_matrix(page, browser, live_server):
    focal_point = make_user("focal-ken", Role.FOCAL_POINT, "KEN")
    make_user("staff", Role.STAFF)

    log_in(page, focal_point.username, "/requests/new/")
    page.get_by_label("Received on").fill("2026-04-02")
    page.get_by_label("Needs, as the state states them").fill("Drafting of a law on financing (test record)")
    page.get_by_role("button", name="Submit").click()
    expect(page).to_have_url(re.compile(r"/requests/\d+/$"))
    request_id = re.search(r"/requests/(\d+)/$", page.url)[1]
    expect(page.locator("main")).to_contain_text("Drafting of a law on financing (test record)")

    staff = browser.new_context(base_url=live_server.url)
    desk = staff.new_page()
    log_in(desk, "staff", f"/activities/new/%3Frequest%3D{request_id}")
    expect(desk.locator("h1")).to_have_text("Plan an activity")
    expect(desk.locator("main")).to_contain_text("In answer to the request of Kenya, received 2026-04-02")
    desk.get_by_label("Title").fill("Drafting workshop in Nairobi (test record)")
    desk.get_by_label("Kind").select_option("drafting-workshop")
    desk.get_by_label("Starts on").fill("2026-05-11")
    desk.get_by_label("Ends on").fill("2026-05-13")
    desk.get_by_role("button", name="Save the activity").click()
    expect(desk.locator("h1")).to_have_text("Drafting workshop in Nairobi (test record)")

    desk.goto("/matrix/?month=2026-04")
    expect(desk.locator("main")).not_to_contain_text("Drafting workshop in Nairobi")
    desk.get_by_role("link", name="Next month").click()
    expect(desk).to_have_url(re.compile(r"/matrix/\?month=2026-05$"))
    eastern_africa = desk.locator("section[data-subregion='Eastern Africa']")
    expect(eastern_africa.locator("tr[data-state=KEN]")).to_contain_text(
        "Drafting workshop in Nairobi (test record)"
    )
    expect(desk.locator("section[data-region='Africa'] h3")).to_have_text(["Eastern Africa"])

    desk.get_by_role("link", name="Calendar of the month").click()
    for day in ("2026-05-11", "2026-05-12", "2026-05-13"):
        expect(desk.locator(f"td[data-date='{day}']")).to_contain_text("Drafting workshop in Nairobi")
    expect(desk.locator("td[data-date='2026-05-14']")).not_to_contain_text("Drafting workshop")

    # The focal point of Kenya sees it in its own matrix too.
    page.goto("/matrix/?month=2026-05")
    page.get_by_role("link", name="Drafting workshop in Nairobi (test record)").click()
    expect(page.locator("h1")).to_have_text("Drafting workshop in Nairobi (test record)")
    staff.close()
