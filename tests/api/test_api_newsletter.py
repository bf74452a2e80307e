"""/api/v1/stats/newsletter: a year's newsletter figures, counts only."""

import pytest
from openapi_spec_validator import validate

from tests.newsletter.figures_data import at, history, when

pytestmark = pytest.mark.django_db
STATS = "/api/v1/stats/newsletter"


def test_a_years_figures_and_nothing_else(client):
    history()
    with when(at(2025, 8, 15, 12)):
        assert client.get(STATS, {"year": "2025"}).json() == {
            "year": 2025,
            "subscribers_at_year_end": 2,
            "joined": 3,
            "left": 3,
            "issues": 1,
        }
        assert client.get(STATS + "/", {"year": "2024"}).json() == {
            "year": 2024,
            "subscribers_at_year_end": 2,
            "joined": 2,
            "left": 0,
            "issues": 0,
        }
        response = client.get(STATS, {"year": "2031", "lang": "sv"})
    assert response.json()["subscribers_at_year_end"] == 2
    assert "public" in response["Cache-Control"] and response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    ("year", "message"),
    [
        (None, "Give the year, such as year=2024."),
        ("", "Give the year, such as year=2024."),
        ("20", "year must be a year such as 2024."),
        ("2031-01", "year must be a year such as 2024."),
        ("0001", "year must be a year such as 2024."),
        ("\x00", "year must be a year such as 2024."),
    ],
)
def test_a_year_is_needed(client, year, message):
    params = {"lang": "en"} if year is None else {"year": year, "lang": "en"}
    response = client.get(STATS, params)
    assert response.status_code == 400
    assert response.json() == {"error": message, "status": 400}


def test_errors_are_in_finnish_by_default_and_it_is_read_only(client):
    assert client.get(STATS).json()["error"] == "Anna vuosi, esimerkiksi year=2024."
    assert client.post(STATS, {"year": "2025"}).status_code == 405


def test_in_the_openapi_document_and_the_index(client):
    document = client.get("/api/v1/openapi.json").json()
    validate(document)
    stats = document["paths"]["/stats/newsletter"]["get"]
    assert [p["required"] for p in stats["parameters"] if p["name"] == "year"] == [True]
    schema = stats["responses"]["200"]["content"]["application/json"]["schema"]
    assert set(schema["properties"]) == {
        "year",
        "subscribers_at_year_end",
        "joined",
        "left",
        "issues",
    }
    assert "400" in stats["responses"]
    endpoints = client.get("/api/v1/").json()["endpoints"]
    assert endpoints["newsletter_stats"].endswith("/api/v1/stats/newsletter")
