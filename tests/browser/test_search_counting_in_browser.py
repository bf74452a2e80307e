"""Typing into the list's search box counts one search, not one per pause in typing."""

import pytest

from analytics.models import SearchHit
from tests.deeds.factories import DeedFactory

pytestmark = pytest.mark.browser

# Visitor analytics leaves out headless browsers; this one says it is an ordinary Chrome.
CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


@pytest.fixture
def person(browser, live_server, reference_data):
    for i in range(3):
        DeedFactory(title=f"Kotihoidon kokeilu {i}")
    DeedFactory(title="Etätyön pelisäännöt")
    context = browser.new_context(
        locale="fi-FI",
        user_agent=CHROME,
        viewport={"width": 1280, "height": 900},
        bypass_csp=True,  # wait_for_function evaluates strings
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base = live_server.url
    yield page
    context.close()


def searches():
    return sorted(SearchHit.objects.values_list("query", "source"))


def type_and_wait(page, words, count):
    page.click("#q")
    page.keyboard.type(words, delay=120)
    page.wait_for_function(
        f"document.querySelector('#results-heading').innerText.trim().startsWith('{count}')"
    )
    page.wait_for_load_state("networkidle")


def test_typing_then_enter_then_a_filter_counts_one_search(person):
    page = person
    page.goto(page.base + "/teot/")
    type_and_wait(page, "kotihoito", 3)
    page.wait_for_timeout(700)  # more than the typing pause: results are on screen
    assert searches() == []
    with page.expect_response(lambda r: "q=kotihoito" in r.url):
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    assert searches() == [("kotihoito", "list")]
    with page.expect_response(lambda r: "kind=" in r.url):
        page.locator("#filter-form input[name=kind]").first.check()
    page.wait_for_load_state("networkidle")
    assert searches() == [("kotihoito", "list")]


def test_typing_then_opening_a_result_counts_the_search(person):
    page = person
    page.goto(page.base + "/teot/")
    type_and_wait(page, "etätyö", 1)
    page.locator(".deed-card__title a").first.click()
    page.wait_for_load_state()
    assert searches() == [("etätyö", "list")]


def test_the_header_box_counts_once(person):
    page = person
    page.goto(page.base + "/tietoa/")
    page.fill("#site-q", "kotihoito")
    page.press("#site-q", "Enter")
    page.wait_for_load_state()
    page.wait_for_load_state("networkidle")
    with page.expect_response(lambda r: "sort=title" in r.url):
        page.select_option("#sort", "title")
    page.wait_for_load_state("networkidle")
    assert searches() == [("kotihoito", "site")]
