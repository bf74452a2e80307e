"""The organisation list and organisation pages."""

import re

import pytest

from deeds.models import DeedStatus
from organisations.models import OrganisationType
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory, municipality, region

pytestmark = pytest.mark.django_db


def rows(html):
    return re.findall(
        r'<th scope="row"><a href="[^"]+">([^<]+)</a></th>.*?'
        r'<td class="numeric"[^>]*>(\d+)<',
        html,
        re.S,
    )


@pytest.fixture
def organisations():
    liminka = OrganisationFactory(name_fi="Limingan kunta", municipality=municipality("425"))
    county = OrganisationFactory(
        name_fi="Pirkanmaan hyvinvointialue",
        municipality=None,
        region=region("06"),
        type=OrganisationType.WELLBEING_COUNTY,
    )
    company = OrganisationFactory(
        name_fi="Ääneseudun Energia Oy",
        type=OrganisationType.COMPANY,
        municipality=municipality("992"),
    )
    for _ in range(3):
        DeedFactory(organisation=liminka)
    DeedFactory(organisation=county)
    DeedFactory(organisation=county, status=DeedStatus.DRAFT, published_at=None)
    return liminka, county, company


def test_list_shows_type_and_published_deed_counts_in_finnish_order(client, organisations):
    html = client.get("/organisaatiot/").content.decode()
    assert rows(html) == [
        ("Limingan kunta", "3"),
        ("Pirkanmaan hyvinvointialue", "1"),
        ("Ääneseudun Energia Oy", "0"),
    ]
    assert "Wellbeing services county" in html or "Hyvinvointialue" in html


def test_list_filters_by_type_and_region(client, organisations):
    by_type = client.get("/organisaatiot/", {"type": "company"}).content.decode()
    assert [name for name, _ in rows(by_type)] == ["Ääneseudun Energia Oy"]
    by_region = client.get("/organisaatiot/", {"region": "06"}).content.decode()
    assert [name for name, _ in rows(by_region)] == ["Pirkanmaan hyvinvointialue"]


def test_list_sorts_by_deed_count(client, organisations):
    html = client.get("/organisaatiot/", {"sort": "deeds"}).content.decode()
    assert [name for name, _ in rows(html)][0] == "Limingan kunta"


@pytest.mark.parametrize("params", [{"type": "nonsense"}, {"region": "<b>"}, {"sort": "x"}])
def test_list_explains_unknown_choices(client, organisations, params):
    response = client.get("/organisaatiot/", params)
    assert response.status_code == 200
    assert "notice--warning" in response.content.decode()
    assert "<b>" not in response.content.decode().split("notice--warning")[1][:300]


def test_organisation_page_lists_its_deeds_with_filters(client, organisations):
    liminka = organisations[0]
    response = client.get(liminka.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Limingan kunta</h1>" in html
    assert len(re.findall(r'class="deed-card__title"', html)) == 3
    # The organisation is fixed on its own page, so it is not offered as a filter.
    assert 'name="organisation"' not in html
    assert client.get("/organisaatiot/ei-ole/").status_code == 404


def test_organisation_page_shows_deeds_as_partner(client, organisations):
    liminka, county, _ = organisations
    DeedFactory(title="Yhteinen hanke", organisation=county, partners=[liminka])
    html = client.get(liminka.get_absolute_url()).content.decode()
    assert "Yhteinen hanke" in html
