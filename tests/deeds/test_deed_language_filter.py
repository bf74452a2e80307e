"""The deed list and the API filter deeds by the language they are written in."""

import pytest
from openapi_spec_validator import validate

from tests.deeds.factories import DeedFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def deeds():
    return {
        "fi": [DeedFactory(title="Kotihoidon reitit"), DeedFactory(title="Koulun aamut")],
        "sv": [DeedFactory(title="Hemvårdens rutter", language="sv")],
    }


def test_the_deed_list_has_a_language_facet_with_counts(client, deeds):
    page = client.get("/teot/").content.decode()
    assert 'id="facet-language"' in page
    assert 'name="language" value="fi"' in page and 'name="language" value="sv"' in page
    # English has no deeds, so it is not offered (like every facet's empty choices).
    assert 'name="language" value="en"' not in page


def test_choosing_swedish_lists_only_swedish_deeds(client, deeds):
    page = client.get("/teot/", {"language": "sv"}).content.decode()
    assert "Hemvårdens rutter" in page and "Kotihoidon reitit" not in page
    assert "kieli: ruotsi" in page.lower()  # the chip


def test_the_api_filters_by_language_and_counts_each(client, deeds):
    data = client.get("/api/v1/deeds/", {"language": "SV"}).json()
    assert [r["title"] for r in data["results"]] == ["Hemvårdens rutter"]
    counts = {f["value"]: f["count"] for f in data["facets"]["language"]}
    assert counts == {"fi": 2, "sv": 1}
    data = client.get("/api/v1/deeds/", {"language": ["fi", "sv"]}).json()
    assert data["count"] == 3
    stats = client.get("/api/v1/stats/deeds", {"by": "kind", "language": "fi"}).json()
    assert stats["count"] == 2


@pytest.mark.parametrize("value", ["de", "x" * 5000, "\x00", "fi'--"])
def test_an_unknown_language_is_a_400_in_the_api_and_a_note_on_the_page(client, deeds, value):
    response = client.get("/api/v1/deeds/", {"language": value})
    assert response.status_code == 400
    assert "Kieli" in response.json()["error"]
    response = client.get("/teot/", {"language": value})
    assert response.status_code == 200
    assert "Kieli: tuntematon arvo" in response.content.decode()


def test_the_language_parameter_is_in_the_openapi_document(client):
    document = client.get("/api/v1/openapi.json").json()
    validate(document)
    parameters = {p["name"]: p for p in document["paths"]["/deeds/"]["get"]["parameters"]}
    assert parameters["language"]["schema"]["items"]["enum"] == ["fi", "sv", "en"]
    facets = document["paths"]["/deeds/"]["get"]["responses"]["200"]["content"]["application/json"][
        "schema"
    ]["properties"]["facets"]["properties"]
    assert "language" in facets
