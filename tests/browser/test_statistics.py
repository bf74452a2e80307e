"""The statistics page and the map in a real browser: axe-core, keyboard, phone width."""

import pytest
from django.core.management import call_command

from tests.conftest import shared_data_dir
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory, municipality
from tests.taxonomy.factories import sector

pytestmark = pytest.mark.browser


@pytest.fixture
def setting(reference_data):
    liminka = OrganisationFactory(name_fi="Limingan kunta", municipality=municipality("425"))
    for _ in range(3):
        DeedFactory(organisation=liminka, sectors=[sector("sosiaali-ja-terveys")])
    data = shared_data_dir()
    assert data is not None, "../shared/data is needed for the map"
    call_command("load_geodata", str(data / "kunnat-2023.geojson"), verbosity=0)


def fits(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"scrolls sideways ({width}px)"


def test_the_statistics_page_is_accessible_at_both_widths(page, phone_page, setting, axe_check):
    for view in (page, phone_page):
        view.goto(view.base + "/tilastot/")
        assert view.locator("#sector-chart-title").count() == 1
        axe_check(view)
        fits(view)
    page.select_option("#stats-sector", "sosiaali-ja-terveys")
    page.click(".stats-filters button[type=submit]")
    page.wait_for_url("**/tilastot/?*sector=sosiaali-ja-terveys*")
    assert page.locator(".stats-headline dd").first.inner_text() == "3"


def test_the_map_is_keyboard_usable_and_accessible(page, phone_page, setting, axe_check):
    for view in (page, phone_page):
        view.goto(view.base + "/tilastot/kartta/")
        axe_check(view)
        fits(view)
    liminka = page.locator('svg.map a[aria-label="Liminka: 3 tekoa"]')
    liminka.focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Liminka: 3 tekoa"
    assert liminka.locator(".map__info").is_visible()  # the name shows on focus, not on hover only
    assert not page.locator('svg.map a[aria-label^="Helsinki"] .map__info').is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url("**/teot/?municipality=425")
    assert "3" in page.locator(".results-header__count").inner_text()
