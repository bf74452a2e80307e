"""Back and Forward after filtering in place always show the whole page in its state.

htmx pushes an address for every filter, sort, page and chip change; going back to one
of those addresses must give the whole page (header, h1, footer) with the filters of
that address ticked, never the bare results fragment.
"""

import pytest

from tests.browser import test_browse_deeds
from tests.browser.test_browse_deeds import count_of

pytestmark = pytest.mark.browser
catalogue = test_browse_deeds.catalogue  # the browsing tests' deeds, as a fixture here

SECTOR = "#f-sector-sosiaali-ja-terveys"


def assert_whole_page(page):
    for selector in (".site-header", "main h1", ".site-footer", "#filter-form"):
        assert page.locator(selector).count() == 1, f"{selector} missing on {page.url}"


def wait_for_state(page, *, checked, sort, page_number="1"):
    """Wait until Back/Forward has put the address's state on screen, then check it."""
    page.wait_for_function(
        """([selector, checked, sort, number]) => {
            const box = document.querySelector(selector);
            const select = document.querySelector('#sort');
            const current = document.querySelector('.pagination [aria-current=page]');
            return box && box.checked === checked && select && (select.value || 'newest') === sort
                && (current ? current.innerText.trim().endsWith(number) : number === '1')
                && document.querySelector('.site-footer');
        }""",
        arg=[SECTOR, checked, sort, page_number],
    )
    assert_whole_page(page)


def change_and_wait(page, action, url_part):
    with page.expect_response(lambda r: url_part in r.url):
        action()
    page.wait_for_function(f"location.search.includes({url_part!r})")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("prefix", ["", "/sv"])
def test_back_and_forward_after_filter_sort_page_and_chip_show_the_whole_page(
    page, catalogue, prefix
):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page.base + prefix + "/teot/")
    title_before = page.title()
    h1 = page.locator("main h1").inner_text()
    change_and_wait(page, lambda: page.select_option("#sort", "title"), "sort=title")
    change_and_wait(page, lambda: page.locator(".pagination a[rel=next]").click(), "page=2")
    change_and_wait(page, lambda: page.check(SECTOR), "sector=")
    wait_for_state(page, checked=True, sort="title")
    # Removing the sector's chip keeps the sort.
    with page.expect_response(lambda r: "sort=title" in r.url and "sector" not in r.url):
        page.locator(".active-filters a.chip").first.click()
    page.wait_for_function("!location.search.includes('sector')")
    wait_for_state(page, checked=False, sort="title")

    page.go_back()
    wait_for_state(page, checked=True, sort="title")
    assert count_of(page) == 13
    assert page.locator("main h1").inner_text() == h1
    page.go_back()
    wait_for_state(page, checked=False, sort="title", page_number="2")
    page.go_back()
    wait_for_state(page, checked=False, sort="title")
    page.go_back()
    wait_for_state(page, checked=False, sort="newest")
    assert count_of(page) == 26
    assert page.title() == title_before
    page.go_forward()
    wait_for_state(page, checked=False, sort="title")
    page.go_forward()
    wait_for_state(page, checked=False, sort="title", page_number="2")
    assert page.locator("html").get_attribute("lang") == ("sv" if prefix else "fi")
    assert errors == []


def test_back_from_a_deed_to_a_filtered_list_shows_the_whole_page(page, catalogue):
    """The list's address was last fetched by htmx: no cache may answer with that fragment."""
    page.goto(page.base + "/en/teot/")
    change_and_wait(page, lambda: page.check(SECTOR), "sector=")
    page.locator(".deed-card__title a").first.click()
    page.wait_for_load_state()
    assert page.locator("article h1, main h1").count() >= 1
    page.go_back()
    page.wait_for_load_state()
    wait_for_state(page, checked=True, sort="newest")
    assert count_of(page) == 13


def test_back_without_javascript_shows_the_whole_page(page_without_js, catalogue):
    page = page_without_js
    page.goto(page.base + "/teot/")
    page.check(SECTOR)
    page.locator("#filter-form button[type=submit]").click()
    page.wait_for_load_state()
    page.select_option("#sort", "title")
    page.locator("#filter-form button[type=submit]").click()
    page.wait_for_load_state()
    assert "sort=title" in page.url
    page.go_back()
    page.wait_for_load_state()
    assert_whole_page(page)
    assert page.is_checked(SECTOR)
    assert page.input_value("#sort") in ("", "newest")  # the default order
    page.go_back()
    assert_whole_page(page)
    assert not page.is_checked(SECTOR)


def test_back_on_an_organisation_page_shows_the_whole_page(page, catalogue):
    organisation = catalogue[0].organisation
    page.goto(page.base + organisation.get_absolute_url())
    name = page.locator("main h1").inner_text()
    change_and_wait(page, lambda: page.check(SECTOR), "sector=")
    change_and_wait(page, lambda: page.select_option("#sort", "title"), "sort=title")
    page.go_back()
    wait_for_state(page, checked=True, sort="newest")
    assert page.locator("main h1").inner_text() == name
    page.go_back()
    wait_for_state(page, checked=False, sort="newest")


def test_back_on_the_organisation_list_shows_the_whole_page(page, catalogue):
    page.goto(page.base + "/organisaatiot/")
    with page.expect_response(lambda r: "type=" in r.url):
        page.select_option("#org-type", "wellbeing_county")
    page.wait_for_function("location.search.includes('type=')")
    page.wait_for_load_state("networkidle")
    with page.expect_response(lambda r: "sort=deeds" in r.url):
        page.select_option("#org-sort", "deeds")
    page.wait_for_function("location.search.includes('sort=deeds')")
    page.wait_for_load_state("networkidle")
    page.go_back()
    page.wait_for_function(
        "document.querySelector('#org-sort') && document.querySelector('#org-sort').value"
        " === 'name' && document.querySelector('.site-footer')"
    )
    assert page.locator(".site-header").count() == 1
    assert page.locator("main h1").count() == 1
    assert page.input_value("#org-type") == "wellbeing_county"
