"""The map of Finland: deeds per municipality and region, gaps visible."""

import re

import pytest
from django.core.management import call_command

from tests.conftest import shared_data_dir
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory, municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def borders():
    data = shared_data_dir()
    if data is None:
        pytest.skip("../shared/data is not beside the repository")
    for layer in ("kunnat-2023", "maakunnat-2023"):
        call_command("load_geodata", str(data / f"{layer}.geojson"), verbosity=0)


@pytest.fixture
def deeds():
    liminka = OrganisationFactory(municipality=municipality("425"))
    for _ in range(3):
        DeedFactory(organisation=liminka, municipality=municipality("425"))
    DeedFactory(organisation=liminka, municipality=municipality("091"))


def area(html, code):
    match = re.search(
        rf'<path class="map__area map__area--(\d)" d="[^"]+" data-code="{code}">'
        r"<title>([^<]+)</title>",
        html,
    )
    assert match, code
    return int(match.group(1)), match.group(2)


def test_municipalities_without_deeds_are_marked_and_listed(client, borders, deeds):
    response = client.get("/tilastot/kartta/")
    html = response.content.decode()
    assert area(html, "425") == (2, "Liminka: 3 tekoa")
    assert area(html, "091") == (1, "Helsinki: 1 teko")
    assert area(html, "273")[0] == 0  # Kolari: a gap
    gaps = [a.name for a in response.context["gaps"]]
    assert "Kolari" in gaps and "Liminka" not in gaps
    assert len(gaps) == 309 - 2
    assert 'href="/teot/?municipality=425"' in html
    assert "© Maanmittauslaitos" in html


def test_the_region_level_counts_the_same_deeds(client, borders, deeds):
    html = client.get("/tilastot/kartta/?taso=maakunnat").content.decode()
    assert area(html, "17") == (2, "Pohjois-Pohjanmaa: 3 tekoa")
    assert area(html, "01")[1] == "Uusimaa: 1 teko"


def test_filters_and_period_narrow_the_map_like_the_list(client, borders, deeds):
    response = client.get("/tilastot/kartta/?municipality=091&start=2000-01-01")
    counts = {a.code: a.count for a in response.context["areas"]}
    assert counts["091"] == 1 and counts["425"] == 0
    assert response.context["figures"].total == 1


def test_without_borders_the_map_is_a_table_and_says_how_to_load_it(client, deeds):
    html = client.get("/tilastot/kartta/").content.decode()
    assert '<svg class="map"' not in html
    assert "load_geodata" in html
    assert re.search(r'data-count="425">3<', html)


def test_an_unknown_level_falls_back_to_municipalities(client, deeds):
    response = client.get("/tilastot/kartta/?taso=<script>")
    assert response.status_code == 200
    assert response.context["layer"] == "kunnat"
