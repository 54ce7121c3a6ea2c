"""A visitor filters the matrix to a subregion, opens a state and sees what it still lacks."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_matrix_subregion_state_missing_instruments(page):
    page.goto("/participation/?on=2014-07-10")
    page.get_by_label("M49 subregion").select_option("143")  # Central Asia
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("status")).to_have_text("5 states")
    rows = page.locator("table.matrix tbody tr")
    expect(rows).to_have_count(5)

    page.get_by_role("link", name="Tajikistan").click()
    expect(page.locator("h1")).to_have_text("Tajikistan")
    expect(page.locator("ul.missing li")).to_have_count(1)
    expect(page.locator("ul.missing")).to_contain_text("Nuclear Terrorism")
    expect(page.locator("tr[data-instrument=financing-1999]")).to_contain_text("ratification July 16, 2004")
