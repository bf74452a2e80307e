"""An organisation page filters by its organisation without offering to remove it."""

import re

import pytest

from taxonomy.models import Sector
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    organisation = OrganisationFactory(name_fi="Limingan kunta")
    social = Sector.objects.get(slug="sosiaali-ja-terveys")
    DeedFactory(title="Kotihoidon reittikokeilu", organisation=organisation, sectors=[social])
    DeedFactory(title="Koulun aamupäivä", organisation=organisation)
    DeedFactory(title="Toisen kunnan teko")
    return organisation


def chips(html):
    return re.findall(r'class="chip" href="([^"]*)"', html)


def test_the_fixed_organisation_shows_no_chip_and_no_clear_link(client, organisation):
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert chips(html) == []
    assert "active-filters__clear" not in html
    assert 'class="badge"' not in html.split('id="filters-panel"', 1)[1].split("</summary>")[0]


def test_a_chosen_filter_is_a_chip_whose_link_keeps_the_page(client, organisation):
    path = organisation.get_absolute_url()
    html = client.get(path, {"sector": "sosiaali-ja-terveys"}).content.decode()
    assert len(chips(html)) == 1
    assert "organisation=" not in chips(html)[0]
    assert "active-filters__clear" in html
    # Removing the chip gives the organisation's whole list again, on its own page.
    again = client.get(path + chips(html)[0].replace("&amp;", "&")).content.decode()
    assert "Koulun aamupäivä" in again and "Toisen kunnan teko" not in again


def test_an_empty_result_on_an_organisation_page_offers_no_useless_clear(client, organisation):
    html = client.get(organisation.get_absolute_url(), {"q": "qwxzvbnm"}).content.decode()
    assert "empty-state" in html
    empty = html.split('class="empty-state"', 1)[1]
    assert "Clear all filters" not in empty and "Poista kaikki" not in empty
