"""The JSON API returns what the pages show."""

import pytest

pytestmark = pytest.mark.django_db


def test_instruments_list_matches_the_page(client):
    instruments = client.get("/api/v1/instruments").json()
    assert len(instruments) == 19
    page = client.get("/instruments/").content.decode()
    for instrument in instruments:
        assert instrument["titles"]["en"]["title"] in page
        assert instrument["url"] in page


def test_instrument_detail_fields(client):
    financing = client.get("/api/v1/instruments/financing-1999").json()
    assert financing["adoption_date"] == "1999-12-09"
    assert financing["opened_for_signature"] == "2000-01-10"
    assert financing["entry_into_force_date"] == "2002-04-10"
    assert financing["depositary"] == "un-sg"
    assert financing["titles"]["zh"]["title"] == "制止向恐怖主义提供资助的国际公约"
    rule = financing["entry_into_force_rule"]
    assert (rule["threshold"], rule["delay"], rule["delay_unit"], rule["later_delay"]) == (22, 30, "days", 30)
    assert financing["sources"]["entry_into_force"]


def test_missing_title_is_null(client):
    montreal = client.get("/api/v1/instruments/montreal-protocol-2014").json()
    assert None in montreal["titles"].values()
    assert montreal["relates_to"] == "tokyo-1963"
    assert montreal["entry_into_force_rule"]["known"] is False


def test_instrument_filters(client):
    assert len(client.get("/api/v1/instruments?adopted_by=2004-12-31").json()) == 12
    assert len(client.get("/api/v1/instruments?depositary=imo").json()) == 4
    assert len(client.get("/api/v1/instruments?decade=2010").json()) == 3
    assert client.get("/api/v1/instruments?depositary=nasa").status_code == 422


def test_unknown_slug_is_404_with_a_message(client):
    response = client.get("/api/v1/instruments/no-such-treaty")
    assert response.status_code == 404
    assert response.json() == {
        "detail": "No instrument with slug 'no-such-treaty'; GET /api/v1/instruments lists the slugs."
    }


def test_states_and_filters(client):
    assert len(client.get("/api/v1/states").json()) == 197
    asia = client.get("/api/v1/states?region=142").json()
    page = client.get("/states/?region=142").content.decode()
    assert f"{len(asia)} states" in page
    assert {s["iso3"] for s in client.get("/api/v1/states?subregion=143").json()} == {
        "KAZ",
        "KGZ",
        "TJK",
        "TKM",
        "UZB",
    }
    assert len(client.get("/api/v1/states?group=weog").json()) == 29
    response = client.get("/api/v1/states?region=999")
    assert response.status_code == 400
    assert "region='999' is not an M49 area code" in response.json()["detail"]


def test_state_detail_and_404(client):
    kenya = client.get("/api/v1/states/ken").json()
    assert kenya["names"]["zh"] == "肯尼亚"
    assert kenya["region"]["code"] == "002"
    assert kenya["intermediate_region"]["code"] == "014"
    assert kenya["regional_group"] == "african"
    response = client.get("/api/v1/states/XYZ")
    assert response.status_code == 404
    assert "No state with ISO 3166-1 alpha-3 code 'XYZ'" in response.json()["detail"]


def test_openapi_document_and_docs(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["version"] == "1"
    assert "/api/v1/instruments/{slug}" in schema["paths"]
    assert "/api/v1/states" in schema["paths"]
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    assert b"openapi.json" in docs.content
