"""/api/v1/organisations/?q= (the organisation finder), its hostile input, and /api/v1/."""

import pytest
from django.conf import settings
from openapi_spec_validator import validate

from tests.organisations.factories import OrganisationFactory, municipality

pytestmark = pytest.mark.django_db
API = "/api/v1/organisations/"


@pytest.fixture
def liminka():
    return OrganisationFactory(name_fi="Limingan kunta", name_sv="Limingo kommun")


def test_without_q_the_answer_keeps_its_full_shape(client, liminka):
    rows = client.get(API).json()
    assert rows[0]["slug"] == liminka.slug
    assert {"name_fi", "name_sv", "region", "deed_count", "url"} <= set(rows[0])
    assert client.get(API, {"q": "  "}).json() == rows


def test_with_q_the_answer_is_ranked_compact_rows(client, liminka):
    OrganisationFactory(name_fi="Oulun kaupunki", municipality=municipality("564"))
    assert client.get(API, {"q": "Limingan"}).json() == [
        {
            "slug": liminka.slug,
            "name": "Limingan kunta",
            "type": "municipality",
            "municipality": "425",
            "url": f"{settings.SITE_URL}/organisaatiot/{liminka.slug}/",
        }
    ]


HOSTILE = [
    "\x00",
    "Limin\x00ka",
    "\x01\x02\x1f\x7f",
    "Liminka\u200b\u202e",
    '"',
    '"Liminka',
    "*",
    "Limi*",
    "NEAR(Liminka Oulu)",
    "Liminka NEAR Oulu",
    "name_fi:Liminka",
    ":",
    "'",
    "' OR 1=1 --",
    "Liminka AND NOT Oulu",
    "(((",
    "^Liminka",
    "%",
    "_",
    "\\",
    "🙂",
    "a" * 200,
    " ".join(["Liminka"] * 20),
]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_q_gets_a_normal_answer(client, liminka, q):
    response = client.get(API, {"q": q})
    assert response.status_code == 200
    # The finder's compact rows (or none), never the whole registry.
    assert all(
        set(row) == {"slug", "name", "type", "municipality", "url"} for row in response.json()
    )


@pytest.mark.parametrize("q", ["\x00", "Limin\x00ka", "'", '"', "NEAR", "a" * 10_000])
def test_hostile_text_never_breaks_the_pages_that_use_the_finder(client, liminka, q):
    for url, params in (
        ("/organisaatiot/", {"q": q}),
        ("/organisaatiot/etsi/", {"organisation_name": q}),
        ("/teot/", {"organisation_q": q, "municipality_q": q}),
    ):
        assert client.get(url, params).status_code == 200, url


def test_control_characters_are_ignored(client, liminka):
    OrganisationFactory(name_fi="Oulun kaupunki", municipality=municipality("564"))
    for q in ("Limin\x00ka", "\x01Limingan\x02", "Limingan\u200b"):
        assert [row["slug"] for row in client.get(API, {"q": q}).json()] == [liminka.slug]


def test_a_huge_q_is_a_400_with_a_message_in_the_asked_language(client, liminka):
    response = client.get(API, {"q": "a" * 10_000})
    assert response.status_code == 400
    assert response.json() == {"error": "q voi olla enintään 200 merkkiä pitkä.", "status": 400}
    response = client.get(API, {"q": "a" * 201, "lang": "en"})
    assert response.json()["error"] == "q can be at most 200 characters."


@pytest.mark.parametrize("limit", ["0", "-1", "x", "1e3", "101", "\x00"])
def test_a_bad_limit_is_a_400(client, liminka, limit):
    response = client.get(API, {"q": "Liminka", "limit": limit})
    assert response.status_code == 400
    assert "limit" in response.json()["error"]


def test_the_finder_is_in_the_openapi_document(client):
    document = client.get("/api/v1/openapi.json").json()
    validate(document)
    parameters = {p["name"]: p for p in document["paths"]["/organisations/"]["get"]["parameters"]}
    assert parameters["q"]["schema"]["maxLength"] == 200
    assert "limit" in parameters
    assert "400" in document["paths"]["/organisations/"]["get"]["responses"]
    assert "/" in document["paths"]


def test_the_api_root_lists_the_endpoints_the_openapi_document_and_the_licence(client):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    data = response.json()
    assert data["openapi"].endswith("/api/v1/openapi.json")
    assert data["licence"]["name"] == "CC BY 4.0"
    assert data["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "CC BY 4.0" in data["licence"]["statement"]
    document = client.get("/api/v1/openapi.json").json()
    assert document["info"]["license"]["name"] == data["licence"]["name"]
    for name, url in data["endpoints"].items():
        if "{id}" not in url:
            path = url.removeprefix(settings.SITE_URL)
            status = client.get(url.removeprefix(settings.SITE_URL)).status_code
            # Rankings need a period, deed statistics a dimension, event, newsletter and coaching
            # statistics a year; the rest answer as they are.
            needs = ("rankings", "deed_stats", "event_stats", "newsletter_stats", "coaching_stats")
            assert status == (400 if name.startswith(needs) else 200), path
    assert client.get("/api/v1/", {"lang": "sv"}).json()["licence"]["statement"].startswith("Dåden")


def test_unknown_api_addresses_are_still_404(client):
    assert client.get("/api/v1/nothing/").status_code == 404
