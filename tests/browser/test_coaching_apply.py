"""Applying for coaching in a real browser: the organisation finder with the keyboard,
sending and landing on the application's own page; Back after sending; axe-core clean
at phone and desktop widths on the coaching page, the form with its errors and the
follow page."""

import re

import pytest

from coaching.models import Application, ApplicationStatus, CoachingTheme
from tests.coaching.factories import expert, open_round
from tests.coaching.public_factories import follow_url
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def coaching(reference_data):
    # live_server empties the database between tests: the themes' migration data too.
    for position, (slug, fi, sv, en) in enumerate(
        [
            ("tyoyhteiso", "Työyhteisö ja -kulttuuri", "Arbetsgemenskap", "Work community"),
            ("hyvinvointi", "Työkuormitus ja hyvinvointi", "Välbefinnande", "Wellbeing"),
        ],
        start=1,
    ):
        CoachingTheme.objects.get_or_create(
            name_fi=fi, defaults={"slug": slug, "name_sv": sv, "name_en": en, "position": position}
        )
    OrganisationFactory(name_fi="Limingan kunta", name_sv="Limingo kommun")
    coach = expert(name="Sari Sparraaja", organisation_name="Valmennus Oy")
    return open_round(experts=[coach])


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} scrolls sideways"


def test_apply_with_the_keyboard_send_and_follow(page, coaching):
    page.goto(page.base + "/sparraus/")
    page.get_by_role("link", name="Hae sparrausta").first.click()
    page.wait_for_url(re.compile(r"/sparraus/hae/$"))
    field = page.locator("#id_organisation_name")
    field.focus()
    page.keyboard.type("Limingan", delay=20)
    # The first search in a fresh process builds the finder's index (word analysis).
    page.wait_for_selector("#organisation-options [role=option]", timeout=30_000)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert field.input_value() == "Limingan kunta"
    page.fill("#id_contact_name", "Maija Meikäläinen")
    page.fill("#id_contact_role", "Esihenkilö")
    page.fill("#id_contact_email", "maija@example.fi")
    page.get_by_label("Työyhteisö ja -kulttuuri").check()
    page.fill("#id_goals", "Haluamme kehittää palautekulttuuria.")
    page.fill("#id_employees", "12")
    page.fill("#id_supervisors", "1")
    page.fill("#id_days_requested", "1,5")
    page.select_option("#id_preferred_expert", label="Sari Sparraaja (Valmennus Oy)")
    # The first press keeps a draft at its own address.
    page.get_by_role("button", name="Tallenna luonnos").click()
    page.wait_for_url(re.compile(r"/sparraus/hae/[A-Za-z0-9_-]{20,}/$"))
    assert "Luonnoksesi on tallennettu" in page.locator(".messages").inner_text()
    page.locator("#id_consent").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Lähetä hakemus").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/sparraus/hakemus/"))
    application = Application.objects.get()
    assert application.status == ApplicationStatus.RECEIVED
    assert application.organisation.name_fi == "Limingan kunta"
    assert page.url.endswith(follow_url(application))
    assert "Vastaanotettu" in page.locator("#application-status").inner_text()
    # Back after sending: the draft's address leads to the whole follow page again.
    page.go_back()
    page.wait_for_load_state()
    assert page.locator("h1").count() == 1
    assert page.locator("footer.site-footer").count() == 1
    assert re.search(r"/sparraus/(hakemus|hae)/", page.url)
    assert Application.objects.count() == 1


@pytest.mark.parametrize("width", [390, 1366])
def test_coaching_pages_are_accessible(browser, live_server, coaching, axe_check, width):
    from tests.coaching.factories import sent

    context = browser.new_context(
        locale="fi-FI", viewport={"width": width, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    base = live_server.url
    application = sent(organisation=OrganisationFactory(name_fi="Ilmoilan kaupunki"))
    coach = coaching.experts.get()
    try:
        for path in (
            "/sparraus/",
            coach.get_absolute_url(),
            "/sparraus/hae/",
            follow_url(application),
        ):
            page.goto(base + path)
            axe_check(page)
            no_sideways_scroll(page)
        # The form with errors: the summary has focus, each field says what is wrong.
        page.goto(base + "/sparraus/hae/")
        page.fill("#id_contact_email", "ei-osoite")
        page.fill("#id_employees", "paljon")
        page.get_by_role("button", name="Lähetä hakemus").click()
        page.wait_for_selector("#error-summary")
        assert page.evaluate("document.activeElement.id") == "error-summary"
        assert page.input_value("#id_contact_email") == "ei-osoite"
        assert page.input_value("#id_employees") == "paljon"
        axe_check(page)
        no_sideways_scroll(page)
        # The follow page's withdraw confirmation.
        page.goto(base + follow_url(application))
        page.get_by_role("button", name="Peru…").click()
        page.wait_for_selector("#confirm-withdraw")
        axe_check(page)
        no_sideways_scroll(page)
    finally:
        context.close()
