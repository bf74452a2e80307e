"""The organisation finder: what people type finds their organisation, best first.

Through its public faces: the API (?q=), the share form's combobox options, the
organisation list's name box and the deed list's facet text boxes.
"""

import time

import pytest

from organisations.models import Organisation, OrganisationType
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory, municipality

pytestmark = pytest.mark.django_db
API = "/api/v1/organisations/"


@pytest.fixture
def registry():
    liminka, helsinki = municipality("425"), municipality("091")
    return {
        "liminka": OrganisationFactory(
            name_fi="Limingan kunta", name_sv="Limingo kommun", municipality=liminka
        ),
        "liminka_water": OrganisationFactory(
            name_fi="Limingan Vesi Oy",
            name_sv="",
            type=OrganisationType.COMPANY,
            municipality=liminka,
            business_id="1234567-8",
        ),
        "liminka_joint": OrganisationFactory(
            name_fi="Pohjois-Pohjanmaan tiepalvelun kuntayhtymä",
            name_sv="",
            type=OrganisationType.JOINT_AUTHORITY,
            municipality=liminka,
        ),
        "helsinki": OrganisationFactory(
            name_fi="Helsingin kaupunki", name_sv="Helsingfors stad", municipality=helsinki
        ),
        "helsinki_housing": OrganisationFactory(
            name_fi="Helsingin kaupungin asunnot Oy",
            name_sv="",
            type=OrganisationType.COMPANY,
            municipality=helsinki,
        ),
        "helsinki_region": OrganisationFactory(
            name_fi="Helsingin seudun ympäristöpalvelut -kuntayhtymä",
            name_sv="Samkommunen Helsingforsregionens miljötjänster",
            type=OrganisationType.JOINT_AUTHORITY,
            municipality=helsinki,
        ),
        "oulu": OrganisationFactory(
            name_fi="Oulun kaupunki", name_sv="Uleåborgs stad", municipality=municipality("564")
        ),
    }


def slugs(client, q, **params):
    response = client.get(API, {"q": q, **params})
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()]


@pytest.mark.parametrize(
    "typed",
    ["Liminka", "liminka", "Limingan", "Limingassa", "Limnka", "Liminga", "Limi", "Limingo"],
)
def test_a_municipality_name_in_any_form_finds_the_municipality_first(client, registry, typed):
    assert slugs(client, typed)[0] == registry["liminka"].slug


def test_the_municipality_comes_before_its_joint_authorities_and_companies(client, registry):
    found = slugs(client, "Liminka")
    assert found == [
        registry["liminka"].slug,
        registry["liminka_water"].slug,  # its own name says Limingan
        registry["liminka_joint"].slug,  # only its home municipality is Liminka
    ]
    helsinki = slugs(client, "Helsinki")
    assert helsinki[0] == registry["helsinki"].slug
    assert set(helsinki[1:]) == {
        registry["helsinki_housing"].slug,
        registry["helsinki_region"].slug,
    }


@pytest.mark.parametrize("typed", ["Helsinki", "Helsingfors", "Hlsinki", "helsingin kaupunki"])
def test_the_city_of_helsinki_is_found_in_finnish_swedish_and_with_a_typo(client, registry, typed):
    assert slugs(client, typed)[0] == registry["helsinki"].slug


def test_every_word_must_match(client, registry):
    assert slugs(client, "Oulun kaupunki") == [registry["oulu"].slug]
    assert slugs(client, "Helsingin kaup")[0] == registry["helsinki"].slug
    assert slugs(client, "Liminka Helsinki") == []


@pytest.mark.parametrize("typed", ["1234567-8", "12345678", " 1234567-8 "])
def test_a_business_id_finds_its_organisation(client, registry, typed):
    assert slugs(client, typed) == [registry["liminka_water"].slug]


def test_answers_name_type_and_municipality_in_the_asked_language(client, registry):
    row = client.get(API, {"q": "Helsingfors", "lang": "sv"}).json()[0]
    assert row["slug"] == registry["helsinki"].slug
    assert row["name"] == "Helsingfors stad"
    assert row["type"] == "municipality"
    assert row["municipality"] == "091"
    assert row["url"].endswith(f"/organisaatiot/{registry['helsinki'].slug}/")


def test_limit_caps_the_results(client, registry):
    assert len(slugs(client, "Helsinki", limit=1)) == 1


def test_dissolved_organisations_are_not_offered(client, registry):
    registry["oulu"].is_active = False
    registry["oulu"].save()
    assert slugs(client, "Oulu") == []


def test_a_renamed_organisation_is_found_by_its_new_name_at_once(client, registry):
    assert slugs(client, "Uleåborg") == [registry["oulu"].slug]
    oulu = registry["oulu"]
    oulu.name_fi = "Oulun kaupunkikonserni"
    oulu.save()
    assert slugs(client, "kaupunkikonserni") == [oulu.slug]
    OrganisationFactory(name_fi="Uusi kunta Oy", type=OrganisationType.COMPANY)
    assert len(slugs(client, "Uusi")) == 1


def test_the_share_form_combobox_offers_the_same_ranking(client, registry):
    response = client.get("/organisaatiot/etsi/", {"organisation_name": "Limingan"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'role="listbox"' in page and page.count('role="option"') == 3
    assert page.index("Limingan kunta") < page.index("Limingan Vesi Oy")
    assert 'data-value="Limingan kunta"' in page
    assert "3 organisaatiota löytyi" in page


def test_the_organisation_list_has_a_name_box(client, registry):
    page = client.get("/organisaatiot/", {"q": "Helsingfors"}).content.decode()
    assert 'name="q"' in page and 'value="Helsingfors"' in page
    assert "3 organisaatiota" in page
    assert "Oulun kaupunki" not in page
    # Best match first: the city before its company and joint authority.
    assert page.index("Helsingin kaupunki<") < page.index("Helsingin kaupungin asunnot Oy")


def test_the_deed_list_facets_can_be_narrowed_by_typing(client, registry):
    DeedFactory(organisation=registry["liminka"], municipality=municipality("425"))
    DeedFactory(organisation=registry["oulu"], municipality=municipality("564"))
    page = client.get("/teot/").content.decode()
    assert 'value="oulun-kaupunki"' in page and 'value="limingan-kunta"' in page
    page = client.get("/teot/", {"organisation_q": "Limingan"}).content.decode()
    assert 'name="organisation_q"' in page and 'value="Limingan"' in page
    assert 'name="organisation" value="limingan-kunta"' in page
    assert 'name="organisation" value="oulun-kaupunki"' not in page
    page = client.get("/teot/", {"municipality_q": "Uleåborg"}).content.decode()
    assert 'name="municipality" value="564"' in page
    assert 'name="municipality" value="425"' not in page


def test_stays_fast_with_a_thousand_organisations(client, registry):
    liminka = municipality("425")
    Organisation.objects.bulk_create(
        Organisation(
            name_fi=f"Testiyhtiö {n} Oy",
            slug=f"testiyhtio-{n}",
            type=OrganisationType.COMPANY,
            municipality=liminka,
            region_id=liminka.region_id,
            sort_key=f"testiyhtio {n:05}",
        )
        for n in range(1200)
    )
    assert slugs(client, "Limingan")[0] == registry["liminka"].slug  # builds the index
    started = time.perf_counter()
    for typed in ("Limingan", "Helsingfors", "Hlsinki", "Testiyhtiö 1199", "Testi"):
        slugs(client, typed)
    assert (time.perf_counter() - started) / 5 < 0.1
    assert slugs(client, "Testiyhtiö 1199")[0] == "testiyhtio-1199"
