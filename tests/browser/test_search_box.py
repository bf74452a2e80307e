"""The search box in a real browser: typing, submitting without JavaScript, accessibility."""

import re

import pytest

from tests.deeds.factories import DeedFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def deeds(reference_data):
    made = [
        DeedFactory(title=f"Kotihoidon kokeilu {i}", summary="Kotihoidon reitit uusiksi.")
        for i in range(3)
    ]
    made += [
        DeedFactory(title=f"Etätyön pelisäännöt {i}", summary="Etätyöhön siirryttiin.")
        for i in range(2)
    ]
    return made


def count_of(page):
    return int(re.search(r"\d+", page.locator("#results-heading").inner_text()).group())


def test_search_without_javascript(page_without_js, deeds):
    page = page_without_js
    page.goto(page.base + "/")
    page.fill("#site-q", "etätyöhön")
    page.press("#site-q", "Enter")
    page.wait_for_load_state()
    assert "q=et%C3%A4ty%C3%B6h%C3%B6n" in page.url
    assert count_of(page) == 2
    assert page.locator(".deed-card mark").first.inner_text() == "Etätyön"
    page.fill("#q", "kotihoito")
    page.click(".search-box button")
    page.wait_for_load_state()
    assert count_of(page) == 3


def test_typing_updates_results_in_place(page, deeds):
    page.goto(page.base + "/teot/")
    page.evaluate("window.notReloaded = true")
    assert count_of(page) == 5
    page.click("#q")
    page.keyboard.type("kotihoito", delay=30)
    page.wait_for_function("document.querySelector('#results-heading').innerText.startsWith('3')")
    assert "q=kotihoito" in page.url
    assert page.evaluate("window.notReloaded") is True
    # Focus stays in the box, with everything typed, so typing can go on.
    assert page.evaluate("document.activeElement.id") == "q"
    assert page.input_value("#q") == "kotihoito"


def test_search_results_have_no_serious_accessibility_violations(page, deeds, axe_check):
    page.goto(page.base + "/teot/?q=kotihiodon")
    assert "kotihoidon" in page.locator(".notice--info").inner_text()
    axe_check(page)
