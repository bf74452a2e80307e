"""The privacy notice, the accessibility statement, the feedback form (empty, with
errors, sent) and the staff's feedback list: axe-core clean at desktop and phone
widths, no sideways scrolling on a phone, and usable with a keyboard."""

import re

import pytest

from feedback.models import Feedback
from feedback.services import feedback_submit

pytestmark = pytest.mark.browser


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    assert width <= viewport, f"{page.url} scrolls sideways ({width} > {viewport} px)"


@pytest.mark.parametrize("path", ["/tietosuoja/", "/sv/saavutettavuus/", "/en/tietosuoja/"])
def test_statements_are_accessible(page, phone_page, axe_check, path):
    for browser_page in (page, phone_page):
        browser_page.goto(browser_page.base + path)
        axe_check(browser_page)
        no_sideways_scroll(browser_page)


def test_feedback_form_from_empty_to_errors_to_sent(page, phone_page, axe_check):
    for browser_page in (page, phone_page):
        browser_page.goto(browser_page.base + "/saavutettavuus/")
        browser_page.get_by_role("link", name="palautelomakkeella").click()
        browser_page.wait_for_url(re.compile(r"/palaute/$"))
        axe_check(browser_page)
        browser_page.fill("#id_email", "ei-osoite")
        browser_page.click(".feedback-form button[type=submit]")
        summary = browser_page.locator("#error-summary")
        assert "Syötä kelvollinen sähköpostiosoite" in summary.inner_text()
        axe_check(browser_page)
        no_sideways_scroll(browser_page)
        # Typed values survive the failed send.
        assert browser_page.input_value("#id_email") == "ei-osoite"
        browser_page.get_by_label("Saavutettavuus").check()
        browser_page.fill("#id_message", "Kartta ei toimi näppäimistöllä.")
        browser_page.fill("#id_email", "")
        browser_page.locator("#id_page").focus()
        browser_page.keyboard.type("/tilastot/kartta/")
        browser_page.keyboard.press("Enter")
        browser_page.wait_for_url(re.compile(r"/palaute/kiitos/$"))
        assert browser_page.locator("h1").inner_text() == "Kiitos palautteestasi"
        axe_check(browser_page)
    assert Feedback.objects.count() == 2


def test_staff_list_marks_feedback_handled(page, phone_page, axe_check, django_user_model):
    django_user_model.objects.create_user(
        email="henkilokunta@example.fi", password="henkilokunta-salasana", is_staff=True
    )
    feedback_submit(
        topic="content",
        message="<b>Rikkinäinen</b> linkki: https://example.fi/" + "pitkä" * 40,
        email="antaja@example.fi",
        page="https://tekojentori.fi/teot/1-" + "osoite-" * 20,
        language="fi",
    )
    for browser_page in (page, phone_page):
        browser_page.goto(browser_page.base + "/tili/kirjaudu/?next=/palaute/hallinta/")
        browser_page.fill("#id_username", "henkilokunta@example.fi")
        browser_page.fill("#id_password", "henkilokunta-salasana")
        browser_page.click(".simple-form button[type=submit]")
        browser_page.wait_for_url(re.compile(r"/palaute/hallinta/"))
        axe_check(browser_page)
        no_sideways_scroll(browser_page)
    page.get_by_role("button", name=re.compile("Merkitse käsitellyksi")).click()
    page.wait_for_selector("text=Palaute on merkitty käsitellyksi.")
    axe_check(page)
    assert Feedback.objects.get().is_handled
