"""Copy link and the page title in a real browser, with and without JavaScript."""

import pytest

from tests.browser import test_browse_deeds

pytestmark = pytest.mark.browser
catalogue = test_browse_deeds.catalogue  # the browsing tests' deeds, as a fixture here


def test_filtering_in_place_updates_the_title_and_the_link_to_copy(page, catalogue):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(page.base + "/teot/")
    assert page.title() == "Kehittämisteot – Tekojen tori"
    with page.expect_response(lambda r: "sector=" in r.url):
        page.check("#f-sector-sosiaali-ja-terveys")
    page.wait_for_function("document.title.includes('Sosiaali')")
    assert page.title().startswith("Kehittämisteot: Sosiaali- ja terveys")
    field = page.locator("#share-url")
    assert field.input_value().endswith("/teot/?sector=sosiaali-ja-terveys")
    copy = page.locator("button[data-copy]")
    assert copy.is_visible()
    copy.click()
    page.wait_for_function("document.querySelector('#share-status').innerText.length > 0")
    assert page.locator("#share-status").inner_text() == "Linkki kopioitiin."
    assert page.evaluate("navigator.clipboard.readText()") == field.input_value()
    page.go_back()
    page.wait_for_function("document.title === 'Kehittämisteot – Tekojen tori'")


def test_without_javascript_the_link_is_a_visible_field(page_without_js, catalogue):
    page = page_without_js
    deed = catalogue[0]
    page.goto(page.base + deed.get_absolute_url())
    field = page.locator("#share-url")
    assert field.is_visible()
    assert field.get_attribute("readonly") is not None
    assert field.input_value().endswith(deed.get_absolute_url())
    assert not page.locator("button[data-copy]").is_visible()
    assert page.locator("a.share__mail").get_attribute("href").startswith("mailto:?subject=")
