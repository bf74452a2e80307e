"""Events in a real browser: registering, joining the waiting list, cancelling through
the emailed link and the next person's promotion; axe-core clean at phone and desktop
widths; registering with the keyboard alone."""

import re

import pytest

from events.models import Registration, RegistrationStatus
from tests.events.factories_public import make_event, manage_url
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def event(reference_data):
    OrganisationFactory(name_fi="Limingan kunta", name_sv="Limingo kommun")
    return make_event(title_fi="Kehittämispaja", capacity=1, programme_fi="9.00 Avaus")


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} scrolls sideways"


def fill_form(page, name, email):
    page.fill("#id_name", name)
    page.fill("#id_email", email)
    field = page.locator("#id_organisation_name")
    field.press_sequentially("Limingan", delay=20)
    page.wait_for_selector("#organisation-options [role=option]")
    field.press("ArrowDown")
    field.press("Enter")
    assert field.input_value() == "Limingan kunta"
    page.get_by_label("Työntekijä").check()
    page.get_by_label("Olen lukenut tietosuojaselosteen").check()


def test_register_wait_cancel_and_promotion(page, event):
    page.goto(page.base + "/tapahtumat/")
    page.get_by_role("link", name="Kehittämispaja").click()
    page.get_by_role("link", name="Ilmoittaudu", exact=True).click()
    fill_form(page, "Eka Ensimmäinen", "eka@example.fi")
    page.get_by_role("button", name="Ilmoittaudu").click()
    page.wait_for_url(re.compile(r"/ilmoittauduttu/$"))
    assert page.locator("h1").inner_text() == "Katso sähköpostisi"

    page.goto(page.base + event.get_absolute_url())
    assert "Täynnä – ilmoittaudu jonoon" in page.locator("#registration").inner_text()
    page.get_by_role("link", name="Ilmoittaudu jonoon").click()
    fill_form(page, "Toka Toinen", "toka@example.fi")
    page.get_by_role("button", name="Ilmoittaudu jonoon").click()
    page.wait_for_url(re.compile(r"/ilmoittauduttu/$"))
    first = Registration.objects.get(email="eka@example.fi")
    second = Registration.objects.get(email="toka@example.fi")
    assert second.status == RegistrationStatus.WAITLISTED

    page.goto(page.base + manage_url(second))
    assert "sijalla 1" in page.locator("#registration-status").inner_text()
    page.goto(page.base + manage_url(first))
    page.get_by_role("button", name="Peru ilmoittautuminen").click()
    page.get_by_role("button", name="Kyllä, peru ilmoittautumiseni").click()
    assert "Ilmoittautumisesi on peruttu." in page.locator("#registration-status").inner_text()
    page.goto(page.base + manage_url(second))
    assert page.locator("#registration-status").inner_text() == "Olet ilmoittautunut."


@pytest.mark.parametrize("width", [390, 1366])
def test_event_pages_are_accessible(browser, live_server, event, axe_check, width):
    from tests.events.factories_public import register

    context = browser.new_context(
        locale="fi-FI", viewport={"width": width, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    base = live_server.url
    waiting_for = register(event, "eka@example.fi")
    waiting = register(event, "toka@example.fi")
    try:
        for path in (
            "/tapahtumat/",
            "/tapahtumat/?kind=party",
            event.get_absolute_url(),
            f"/tapahtumat/{event.pk}/ilmoittaudu/",
            manage_url(waiting),
            manage_url(waiting_for),
        ):
            page.goto(base + path)
            axe_check(page)
            no_sideways_scroll(page)
        # The form with errors: the summary has focus, each field says what is wrong.
        page.goto(base + f"/tapahtumat/{event.pk}/ilmoittaudu/")
        page.fill("#id_email", "ei-osoite")
        page.get_by_role("button", name="Ilmoittaudu jonoon").click()
        page.wait_for_selector("#error-summary")
        assert page.evaluate("document.activeElement.id") == "error-summary"
        assert page.input_value("#id_email") == "ei-osoite"
        axe_check(page)
        no_sideways_scroll(page)
        # The manage page's cancel confirmation.
        page.goto(base + manage_url(waiting))
        page.get_by_role("button", name="Poistu jonosta").click()
        axe_check(page)
    finally:
        context.close()


def test_the_list_filters_with_htmx(page, event):
    make_event(title_fi="Verkkowebinaari", kind="webinar", online=True)
    page.goto(page.base + "/tapahtumat/")
    page.focus("#filter-kind")
    page.select_option("#filter-kind", "webinar")
    page.wait_for_url(re.compile(r"kind=webinar"))
    page.wait_for_function("!document.body.innerText.includes('Kehittämispaja')")
    assert "Verkkowebinaari" in page.locator("#listing").inner_text()
    assert page.evaluate("document.activeElement.id") == "filter-kind"


def test_registering_with_the_keyboard_alone(page, event):
    page.goto(page.base + f"/tapahtumat/{event.pk}/ilmoittaudu/")
    page.locator("#id_name").focus()
    page.keyboard.type("Näppäin Käyttäjä")
    page.keyboard.press("Tab")
    page.keyboard.type("nappain@example.fi")
    page.keyboard.press("Tab")  # the organisation
    page.keyboard.press("Tab")  # its Find button
    page.keyboard.press("Tab")  # "not listed"
    assert page.evaluate("document.activeElement.id") == "id_organisation_missing"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.type("Näppäimistön osuuskunta")
    page.keyboard.press("Tab")  # the role group: the first radio
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.value") == "employee"
    page.keyboard.press("Tab")  # language (already the page's)
    page.keyboard.press("Tab")  # accessibility needs
    page.keyboard.press("Tab")  # diet
    page.keyboard.press("Tab")  # consent
    assert page.evaluate("document.activeElement.id") == "id_consent"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the privacy notice link
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "register"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ilmoittauduttu/$"))
    registration = Registration.objects.get()
    assert registration.organisation_name == "Näppäimistön osuuskunta"
    assert registration.name == "Näppäin Käyttäjä"
