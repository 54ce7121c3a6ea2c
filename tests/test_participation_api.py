"""The participation API returns what the pages show."""

import datetime

import pytest

from tests.participation_oracle import parties_on

pytestmark = pytest.mark.django_db
ON = "2014-07-10"


def test_parties_endpoint_counts_and_lists(client):
    data = client.get(f"/api/v1/instruments/financing-1999/parties?on={ON}").json()
    expected = parties_on("financing-1999", datetime.date(2014, 7, 10))
    assert data["count"] == len(expected) == len(data["parties"])
    assert {p["state"] for p in data["parties"]} == expected
    china = next(p for p in data["parties"] if p["state"] == "CHN")
    assert china["consent"] == {"kind": "ratification", "date": "2006-04-19", "raw": "19 Apr 2006"}
    assert china["entry_into_force"]["date"] == "2006-05-19"
    assert data["sources"][0]["as_at"] == "2014-07-10"
    page = client.get(f"/instruments/financing-1999/status/?on={ON}").content.decode()
    assert f"<strong>{data['count']}</strong>" in page


def test_parties_on_an_early_date(client):
    data = client.get("/api/v1/instruments/financing-1999/parties?on=2002-04-09").json()
    assert data["count"] == len(parties_on("financing-1999", datetime.date(2002, 4, 9)))
    assert all(p["standing"] == "party" for p in data["parties"])  # not yet in force for anyone


def test_no_data_is_null_not_zero(client):
    data = client.get(f"/api/v1/instruments/beijing-2010/parties?on={ON}").json()
    assert data["has_data"] is False and data["count"] is None


def test_state_participation(client):
    rows = client.get(f"/api/v1/states/som/participation?on={ON}").json()
    financing = next(r for r in rows if r["instrument"] == "financing-1999")
    assert financing["standing"] == "signatory"
    assert financing["signature"]["date"] == "2001-12-19"
    assert len(rows) == 19


def test_participation_filters_and_errors(client):
    rows = client.get(f"/api/v1/participation?state=FRA&on={ON}").json()
    assert len(rows) == 19 and {r["state"] for r in rows} == {"FRA"}
    rows = client.get(f"/api/v1/participation?instrument=bombings-1997&on={ON}").json()
    assert len(rows) == 197
    assert client.get("/api/v1/participation?state=XXX").status_code == 404
    assert client.get("/api/v1/instruments/nope/parties").status_code == 404
    assert client.get("/api/v1/states/FRA/participation?on=2014-02-30").status_code == 422
