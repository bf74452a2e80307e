"""Browsing, filtering, opening a deed and switching language in a real browser."""

import re

import pytest

from organisations.models import OrganisationType
from taxonomy.models import CustomerGroup, Sector, Theme
from tests.deeds.factories import DeedContactFactory, DeedFactory
from tests.organisations.factories import OrganisationFactory, municipality, region

pytestmark = pytest.mark.browser


@pytest.fixture
def catalogue(reference_data):
    liminka = OrganisationFactory(name_fi="Limingan kunta", name_sv="Limingo kommun")
    kangasala = OrganisationFactory(name_fi="Kangasalan kaupunki", municipality=municipality("211"))
    county = OrganisationFactory(
        name_fi="Pirkanmaan hyvinvointialue",
        municipality=None,
        region=region("06"),
        type=OrganisationType.WELLBEING_COUNTY,
    )
    social = Sector.objects.get(slug="sosiaali-ja-terveys")
    school = Sector.objects.get(slug="kasvatus-ja-opetus")
    innovation = Theme.objects.get(slug="innovaatiot")
    trust = Theme.objects.get(slug="luottamus")
    older = CustomerGroup.objects.get(slug="ikaantyneet")
    deeds = []
    for i in range(26):
        deeds.append(
            DeedFactory(
                title=f"Kotihoidon kokeilu {i:02d}" if i % 2 else f"Koulun aamupäivä {i:02d}",
                organisation=[liminka, kangasala, county][i % 3],
                sectors=[social if i % 2 else school],
                themes=[innovation if i % 3 else trust],
                customer_groups=[older] if i % 2 else [],
                background="Kotihoidossa oli kiire.\n\n- Suunnittelimme reitit\n- Kokeilimme",
                results="Asiakkaat saivat enemmän aikaa.",
                tips="Aloittakaa pienestä.",
            )
        )
    DeedContactFactory(deed=deeds[-1], name="Maija Meikäläinen")
    return deeds


def count_of(page):
    return int(re.search(r"\d+", page.locator("#results-heading").inner_text()).group())


def facet_count(page, name, value):
    label = page.locator(f'label[for="f-{name}-{value}"] .facet__count')
    return int(re.match(r"\d+", label.inner_text()).group())


def test_filtering_works_without_javascript(page_without_js, catalogue):
    page = page_without_js
    page.goto(page.base + "/teot/")
    assert count_of(page) == 26
    expected = facet_count(page, "sector", "sosiaali-ja-terveys")
    page.check("#f-sector-sosiaali-ja-terveys")
    page.locator("#filter-form button[type=submit]").click()
    page.wait_for_load_state()
    assert "sector=sosiaali-ja-terveys" in page.url
    assert count_of(page) == expected == 13
    # Combining a second facet narrows the list; the counts said by how much.
    expected = facet_count(page, "theme", "luottamus")
    page.check("#f-theme-luottamus")
    page.locator("#filter-form button[type=submit]").click()
    page.wait_for_load_state()
    assert count_of(page) == expected
    # The address is shareable: opening it again gives the same list.
    again = page.context.new_page()
    again.goto(page.url)
    assert count_of(again) == expected


def test_filtering_updates_in_place_with_javascript(page, catalogue):
    page.goto(page.base + "/teot/")
    page.evaluate("window.notReloaded = true")
    expected = facet_count(page, "region", "06")
    with page.expect_response(lambda r: "region=06" in r.url):
        page.check("#f-region-06")
    page.wait_for_function("document.querySelector('#f-region-06').checked")
    page.wait_for_function(
        f"document.querySelector('#results-heading').innerText.startsWith('{expected}')"
    )
    assert count_of(page) == expected
    assert "region=06" in page.url
    assert page.evaluate("window.notReloaded") is True
    # Sorting and paging also stay in place and keep the filter.
    with page.expect_response(lambda r: "sort=title" in r.url):
        page.select_option("#sort", "title")
    page.wait_for_function("location.search.includes('sort=title')")
    first_title = page.locator(".deed-card__title").first.inner_text()
    assert first_title.startswith("Koulun") or first_title.startswith("Kotihoidon")
    assert page.evaluate("window.notReloaded") is True


def test_paging_and_removing_a_filter_with_javascript(page, catalogue):
    page.goto(page.base + "/teot/?sector=kasvatus-ja-opetus")
    assert count_of(page) == 13
    page.goto(page.base + "/teot/")
    page.evaluate("window.notReloaded = true")
    with page.expect_response(lambda r: "page=2" in r.url):
        page.locator(".pagination a[rel=next]").click()
    page.wait_for_function("location.search.includes('page=2')")
    assert page.locator(".deed-card").count() == 6
    assert page.evaluate("window.notReloaded") is True


def test_open_a_deed_and_switch_language(page, catalogue):
    page.goto(page.base + "/teot/")
    title = page.locator(".deed-card__title a").first
    name = title.inner_text()
    title.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == name
    assert page.locator(".contact__name").inner_text() == "Maija Meikäläinen"
    page.click("a[hreflang=sv]")
    page.wait_for_load_state()
    assert "/sv/teot/" in page.url
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").inner_text() == name  # the deed's own text stays as written
    page.click("a[hreflang=en]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "/en/teot/" in page.url


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/teot/",
        "/teot/?sector=sosiaali-ja-terveys",
        "/organisaatiot/",
        "DEED",
        "ORGANISATION",
        "/sv/teot/",
    ],
)
def test_pages_have_no_serious_accessibility_violations(page, catalogue, axe_check, path):
    if path == "DEED":
        path = catalogue[-1].get_absolute_url()
    elif path == "ORGANISATION":
        path = catalogue[0].organisation.get_absolute_url()
    page.goto(page.base + path)
    axe_check(page)


@pytest.mark.parametrize("path", ["/", "/teot/", "DEED", "/organisaatiot/"])
def test_phone_layout_does_not_scroll_sideways(phone_page, catalogue, axe_check, path):
    page = phone_page
    if path == "DEED":
        path = catalogue[-1].get_absolute_url()
    page.goto(page.base + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow}px too wide on a phone"
    axe_check(page)


def test_filters_start_closed_on_a_phone_and_open_on_request(phone_page, catalogue):
    page = phone_page
    page.goto(page.base + "/teot/")
    panel = page.locator("#filters-panel")
    assert panel.get_attribute("open") is None
    page.click("#filters-panel > summary")
    assert panel.get_attribute("open") is not None
