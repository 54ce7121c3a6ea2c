"""A visitor reads the Financing Convention in Chinese, then sees Arabic right to left."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_switch_to_chinese_open_financing_then_arabic(page):
    page.goto("/")
    expect(page.locator("h1")).to_contain_text("Technical assistance")

    page.get_by_role("button", name="中文").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    page.get_by_role("navigation", name=re.compile(".+")).get_by_role("link", name="文书").click()
    page.get_by_role("link", name="制止向恐怖主义提供资助的国际公约").click()

    expect(page.locator("h1")).to_have_text("制止向恐怖主义提供资助的国际公约")
    expect(page.locator("[data-fact=adoption]")).to_have_text("1999-12-09")
    expect(page.locator("[data-fact=entry-into-force]")).to_have_text("2002-04-10")

    page.get_by_role("button", name="العربية").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page).to_have_url(re.compile(r"/ar/instruments/financing-1999/$"))
    # Right to left: the heading starts at the right edge of the page.
    heading = page.locator("h1").bounding_box()
    width = page.viewport_size["width"]
    assert heading["x"] + heading["width"] > width / 2
