"""The public pages of the states."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_list_shows_all_197(client):
    body = client.get("/states/").content.decode()
    assert "197 states" in body
    assert "Cook Islands" in body and "Holy See" in body and "State of Palestine" in body


def test_filter_by_region_subregion_and_group(client):
    assert "5 states" in client.get("/states/?region=142&subregion=143").content.decode()  # Central Asia
    body = client.get("/states/?group=grulac").content.decode()
    assert "33 states" in body and "Brazil" in body and "France" not in body
    body = client.get("/states/?subregion=014").content.decode()  # Eastern Africa
    assert "Kenya" in body and "Nigeria" not in body


def test_state_page(client):
    body = client.get("/states/KEN/").content.decode()
    assert "<h1>Kenya</h1>" in body
    assert "Eastern Africa" in body and "African Group" in body
    assert "1963-12-16" in body  # admission to the UN
    # The names are the UN's, and the page cites where they come from.
    assert "Standard country or area codes for statistical use (M49)" in body
    assert "the Republic of Kenya" in body  # the formal name


def test_state_page_accepts_lower_case_and_unknown_is_404(client):
    assert client.get("/states/ken/").status_code == 200
    assert client.get("/states/XXX/").status_code == 404


def test_chinese_state_names(client):
    body = client.get("/zh-hans/states/CHN/").content.decode()
    assert "<h1>中国</h1>" in body
