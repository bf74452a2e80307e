"""The open data API: /api/v1/deeds/ and friends."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openapi_spec_validator import validate

from deeds.models import DeedStatus
from taxonomy.models import CustomerGroup, Sector, Theme
from tests.deeds.factories import DeedContactFactory, DeedFactory, DeedLinkFactory
from tests.organisations.factories import OrganisationFactory, municipality

pytestmark = pytest.mark.django_db
DEEDS = "/api/v1/deeds/"


@pytest.fixture
def two_deeds():
    social = Sector.objects.get(slug="sosiaali-ja-terveys")
    trust = Theme.objects.get(slug="luottamus")
    first = DeedFactory(
        title="Kotihoidon reitit",
        sectors=[social],
        themes=[trust],
        customer_groups=[CustomerGroup.objects.get(slug="ikaantyneet")],
    )
    kangasala = OrganisationFactory(name_fi="Kangasalan kaupunki", municipality=municipality("211"))
    second = DeedFactory(title="Koulun aamut", organisation=kangasala, kind="project")
    return first, second


def test_list_returns_published_deeds_with_facets(client, two_deeds):
    first, second = two_deeds
    DeedFactory(status=DeedStatus.REJECTED, published_at=None)
    data = client.get(DEEDS).json()
    assert data["count"] == 2
    assert [r["id"] for r in data["results"]] == [second.pk, first.pk]
    item = data["results"][1]
    assert item["title"] == "Kotihoidon reitit"
    assert item["organisation"]["slug"] == first.organisation.slug
    assert item["municipality"] == {"code": "425", "name": "Liminka"}
    assert item["region"] == {"code": "17", "name": "Pohjois-Pohjanmaa"}
    assert item["sectors"] == [
        {"slug": "sosiaali-ja-terveys", "name": "Sosiaali- ja terveyspalvelut"}
    ]
    assert item["kind"] == "improvement"
    assert item["published_at"].startswith(first.published_at.date().isoformat())
    assert item["url"].endswith(first.get_absolute_url())
    assert set(data["facets"]) == {
        "organisation",
        "municipality",
        "region",
        "sector",
        "theme",
        "subtheme",
        "customer_group",
        "kind",
        "year",
        "language",
    }
    assert {"value": "211", "label": "Kangasala", "count": 1} in data["facets"]["municipality"]


def test_list_takes_the_same_filters_as_the_page(client, two_deeds):
    first, second = two_deeds
    assert [r["id"] for r in client.get(DEEDS, {"theme": "luottamus"}).json()["results"]] == [
        first.pk
    ]
    assert client.get(DEEDS, {"municipality": "211"}).json()["count"] == 1
    assert client.get(DEEDS, {"region": ["17", "06"]}).json()["count"] == 2
    assert client.get(DEEDS, {"kind": "project", "region": "17"}).json()["count"] == 0
    data = client.get(DEEDS, {"sector": "sosiaali-ja-terveys"}).json()
    # A facet's counts leave out its own choice: choosing the other sector would give this.
    assert {f["value"] for f in data["facets"]["sector"]} == {"sosiaali-ja-terveys"}
    assert [(f["value"], f["count"]) for f in data["facets"]["kind"]] == [("improvement", 1)]


def test_labels_follow_the_lang_parameter(client, two_deeds):
    data = client.get(DEEDS, {"lang": "sv", "sector": "sosiaali-ja-terveys"}).json()
    assert data["results"][0]["sectors"][0]["name"] == "Social- och hälsovårdstjänster"
    assert data["results"][0]["municipality"]["name"] == "Limingo"


def test_pagination_links_and_limits(client):
    for i in range(5):
        DeedFactory(title=f"Teko {i}")
    data = client.get(DEEDS, {"page_size": 2, "page": 2, "sort": "oldest"}).json()
    assert [r["title"] for r in data["results"]] == ["Teko 2", "Teko 3"]
    assert "page=3" in data["next"] and "page_size=2" in data["next"]
    assert "page=1" in data["previous"]
    last = client.get(DEEDS, {"page_size": 2, "page": 3}).json()
    assert last["next"] is None and len(last["results"]) == 1


@pytest.mark.parametrize(
    "params",
    [
        {"page_size": "101"},
        {"page_size": "0"},
        {"page_size": "-1"},
        {"page_size": "x"},
        {"page": "0"},
        {"page": "abc"},
        {"page": "99"},
        {"page": "9" * 40},
        {"sector": "ei-ole"},
        {"theme": "'; DROP TABLE deeds_deed; --"},
        {"municipality": "abc"},
        {"region": "99"},
        {"kind": "huge"},
        {"year": "20211"},
        {"sort": "random"},
        {"organisation": "\x00\x01"},
        {"lang": "de"},
        {"sector": [f"s{i}" for i in range(51)]},
    ],
)
def test_invalid_parameters_get_400_with_a_message(client, two_deeds, params):
    response = client.get(DEEDS, params)
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400 and body["error"]


def test_queries_per_request_stay_constant(client):
    def queries(page_size):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(DEEDS, {"page_size": page_size}).status_code == 200
        return len(captured)

    for i in range(30):
        deed = DeedFactory(sectors=[Sector.objects.first()], themes=[Theme.objects.first()])
        if i % 2:
            deed.customer_groups.add(CustomerGroup.objects.first())
    client.get(DEEDS)  # builds the catalogue once
    assert queries(2) == queries(30)


def test_detail_returns_the_whole_published_deed(client):
    deed = DeedFactory(
        title="Ruokahävikki puoleen",
        results="Hävikki puolittui.",
        kind="project",
        funding="external",
        funder="ESR+",
        unit="Keskuskeittiö",
    )
    DeedLinkFactory(deed=deed)
    DeedContactFactory(deed=deed, name="Näkyvä Henkilö")
    DeedContactFactory(deed=deed, name="Piilotettu Henkilö", publish_consent=False)
    data = client.get(f"{DEEDS}{deed.pk}/").json()
    assert data["title"] == "Ruokahävikki puoleen"
    assert data["sections"]["results"] == "Hävikki puolittui."
    assert data["project"]["funder"] == "ESR+"
    assert data["unit"] == "Keskuskeittiö"
    assert [c["name"] for c in data["contacts"]] == ["Näkyvä Henkilö"]
    assert data["links"][0]["url"] == "https://example.com/lisatietoja"


def test_unpublished_and_missing_deeds_are_404(client):
    hidden = DeedFactory(status=DeedStatus.IN_REVIEW, published_at=None)
    for pk in (hidden.pk, 999999):
        response = client.get(f"{DEEDS}{pk}/")
        assert response.status_code == 404
        assert response.json()["error"]
    assert client.get("/api/v1/nothing-here/").status_code == 404


def test_reference_lists_have_finnish_and_swedish_names(client):
    sectors = client.get("/api/v1/sectors/").json()
    assert {
        "slug": "sosiaali-ja-terveys",
        "name_fi": "Sosiaali- ja terveyspalvelut",
        "name_sv": "Social- och hälsovårdstjänster",
    }.items() <= sectors[0].items()
    themes = client.get("/api/v1/themes/").json()
    innovation = next(t for t in themes if t["slug"] == "innovaatiot")
    assert {s["slug"] for s in innovation["subthemes"]} >= {"kokeilukulttuuri", "palvelumuotoilu"}
    groups = client.get("/api/v1/customer-groups/").json()
    assert any(g["slug"] == "ikaantyneet" and g["name_sv"] == "Äldre" for g in groups)
    municipalities = client.get("/api/v1/municipalities/").json()
    assert len(municipalities) == 309
    assert {
        "code": "425",
        "name_fi": "Liminka",
        "name_sv": "Limingo",
        "region": "17",
    }.items() <= next(m for m in municipalities if m["code"] == "425").items()
    regions = client.get("/api/v1/regions/").json()
    assert len(regions) == 19 and regions[0]["name_sv"] == "Nyland"


def test_organisation_list_gives_deed_counts(client, two_deeds):
    organisations = client.get("/api/v1/organisations/").json()
    counts = {o["slug"]: o["deed_count"] for o in organisations}
    assert counts[two_deeds[0].organisation.slug] == 1


def test_api_is_open_to_other_origins_and_cacheable(client):
    response = client.get(DEEDS)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"]


def test_api_refuses_writes(client):
    assert client.post(DEEDS, {}).status_code == 405


def test_openapi_document_is_valid_and_lists_every_filter(client):
    document = client.get("/api/v1/openapi.json").json()
    validate(document)
    names = {p["name"] for p in document["paths"]["/deeds/"]["get"]["parameters"]}
    assert names >= {
        "organisation",
        "municipality",
        "region",
        "sector",
        "theme",
        "subtheme",
        "customer_group",
        "kind",
        "year",
        "page",
        "page_size",
    }
