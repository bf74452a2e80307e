"""A NUL character anywhere in an address or a form never becomes a server error
(PostgreSQL refuses NUL in text; SQLite does not, so this matters on PostgreSQL)."""

import pytest

from tests.deeds.factories import DeedFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/teot/?q=a%00b",
        "/teot/?toimiala=%00&teema=%00&organisaatio=%00&kunta=%00&maakunta=%00",
        "/teot/?sivu=%00&jarjestys=%00",
        "/teot/%00/",
        "/teot/1/%00/",
        "/haku/?q=%00",
        "/organisaatiot/?q=%00",
        "/api/v1/deeds/?q=%00&organisation=%00&municipality=%00&region=%00&sector=%00",
        "/api/v1/deeds/?page=%00&sort=%00",
        "/ilmianna/seuraa/%00/",
        "/toimittaja/kutsu/1.%00/",
        "/yhteystiedot/%00/",
        "/tili/kirjaudu/?next=%00",
        "/%00",
    ],
)
def test_an_address_with_a_null_character_is_answered(client, url):
    DeedFactory()
    assert client.get(url).status_code < 500


def test_sign_in_forms_with_null_characters_are_answered(client):
    response = client.post("/tili/kirjaudu/", {"username": "a\x00@x.fi", "password": "x\x00"})
    assert response.status_code == 200
    assert client.post("/tili/salasana/", {"email": "a\x00@x.fi"}).status_code < 500
