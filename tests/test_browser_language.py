"""A first visit follows the browser's language; a chosen language is kept."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_first_visit_goes_to_the_browsers_language(client):
    response = client.get("/instruments/?decade=1970", HTTP_ACCEPT_LANGUAGE="fr-CH, fr;q=0.9, en;q=0.8")
    assert response.status_code == 302
    assert response["Location"] == "/fr/instruments/?decade=1970"
    assert "Accept-Language" in response["Vary"]


def test_chinese_and_arabic_browsers(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")["Location"] == "/zh-hans/"
    assert client.get("/states/", HTTP_ACCEPT_LANGUAGE="ar-EG")["Location"] == "/ar/states/"


def test_english_or_an_unsupported_language_stays_on_the_english_page(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9,fr;q=0.5").status_code == 200
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9").status_code == 200
    assert client.get("/").status_code == 200


def test_a_language_chosen_in_the_switcher_wins_over_the_browser(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/fr/"})
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr").status_code == 200
    client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/ru/"


def test_the_api_and_prefixed_pages_are_left_alone(client):
    assert client.get("/api/v1/instruments", HTTP_ACCEPT_LANGUAGE="fr").status_code == 200
    assert client.get("/es/", HTTP_ACCEPT_LANGUAGE="fr").status_code == 200


def test_a_form_post_is_never_redirected(client):
    response = client.post("/accounts/login/", {"username": "x", "password": "y"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
