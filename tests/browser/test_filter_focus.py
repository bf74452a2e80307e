"""After a filter change the control used stays where it was on the screen, with focus,
and the new result count is announced once, politely."""

import pytest

from taxonomy.models import CustomerGroup
from tests.browser import test_browse_deeds
from tests.deeds.factories import DeedFactory

pytestmark = pytest.mark.browser
catalogue = test_browse_deeds.catalogue  # the browsing tests' deeds, as a fixture here

BOX = "#f-customer_group-tyoikaiset"


@pytest.fixture
def one_of_a_kind(catalogue):
    """A choice that leaves one deed of 27: ticking it makes the results much shorter."""
    group = CustomerGroup.objects.get(slug="tyoikaiset")
    return DeedFactory(title="Työikäisten kokeilu", customer_groups=[group])


def open_every_group(page):
    page.evaluate(
        "document.querySelectorAll('#filter-form details').forEach(d => { d.open = true; })"
    )


def tick_by_keyboard_and_wait(page, selector):
    box = page.locator(selector)
    box.scroll_into_view_if_needed()
    # Put the box low on the screen, where a shorter page would pull it away.
    page.evaluate(
        """(selector) => {
            const box = document.querySelector(selector);
            const top = box.getBoundingClientRect().top;
            window.scrollBy(0, top - window.innerHeight * 0.75);
        }""",
        selector,
    )
    before = box.bounding_box()["y"]
    box.focus()
    with page.expect_response(lambda r: "customer_group=" in r.url):
        page.keyboard.press("Space")
    page.wait_for_function(
        f"""document.querySelector('{selector}').checked
            && document.querySelector('#results-heading').innerText.trim().startsWith('1')"""
    )
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # htmx settles after 20 ms; give scrolling time too
    return before


@pytest.mark.parametrize("width,height", [(1366, 768), (390, 844)])
def test_the_ticked_box_stays_in_place_with_focus(
    browser, live_server, one_of_a_kind, width, height
):
    context = browser.new_context(
        locale="fi-FI", viewport={"width": width, "height": height}, bypass_csp=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/teot/")
        open_every_group(page)
        before = tick_by_keyboard_and_wait(page, BOX)
        assert page.evaluate("document.activeElement && document.activeElement.id") == BOX[1:]
        box = page.locator(BOX).bounding_box()
        assert 0 <= box["y"] and box["y"] + box["height"] <= height, "the box left the screen"
        assert abs(box["y"] - before) <= 2, f"the box moved from {before} to {box['y']}"
        # Typing on goes on from the same box: Space unticks it again.
        with page.expect_response(lambda r: "customer_group" not in r.url):
            page.keyboard.press("Space")
        page.wait_for_function(f"!document.querySelector('{BOX}').checked")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.activeElement && document.activeElement.id") == BOX[1:]
    finally:
        context.close()


def test_the_count_is_announced_in_one_polite_live_region(page, one_of_a_kind):
    page.goto(page.base + "/teot/")
    # The share block's "link copied" has a region of its own; the results have one.
    live = "[role=status]:not(.share *), [aria-live]:not(.share *)"
    regions = page.locator(live)
    assert regions.count() == 1
    region = regions.first
    assert region.get_attribute("aria-live") in (None, "polite")
    # The region itself stays in the page (a new one would not be read out) and holds
    # only the count, never the list.
    page.evaluate("document.getElementById('results-status').dataset.original = 'yes'")
    open_every_group(page)
    with page.expect_response(lambda r: "customer_group=" in r.url):
        page.check(BOX)
    page.wait_for_function(
        r"/(^|\s)1(\s|$)/.test(document.getElementById('results-status').textContent)"
    )
    assert page.locator(live).count() == 1
    assert page.evaluate("document.getElementById('results-status').dataset.original") == "yes"
    assert page.locator("#results-status .deed-card, #results-status a").count() == 0
    assert regions.first.get_attribute("id") == "results-status"
    assert page.locator("#listing[aria-live], #listing [aria-live]").count() == 0
