"""The newsletter in a real browser: subscribing, confirming through the emailed link,
changing topics and unsubscribing; the footer's form without JavaScript; axe-core clean
at phone and desktop widths; the form by keyboard with its focus visible."""

import re

import pytest
from django.core import mail

from emails.models import OutgoingEmail
from newsletter.issue_services import issue_schedule
from newsletter.models import Subscriber, SubscriberSource, SubscriberStatus
from newsletter.sending import newsletter_tick
from newsletter.services import subscriber_token
from taxonomy.models import Sector, Theme
from tests.newsletter.factories import draft_issue, subscribed

pytestmark = pytest.mark.browser


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} scrolls sideways"


def emailed_link(kind):
    """The newsletter link of ``kind`` in the last message sent. The outbox row has it
    masked once sent (emails/services.py), so it is read from what was delivered."""
    body = mail.outbox[-1].body
    return re.search(rf"https?://[^/\s]+(/(?:\w\w/)?uutiskirje/{kind}/[^/\s]+/)", body).group(1)


def focus_is_visible(page):
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        }"""
    )


def test_subscribe_confirm_change_topics_and_unsubscribe(page):
    sector = Sector.objects.active().first()
    theme = Theme.objects.active()[1]
    page.goto(page.base + "/uutiskirje/")
    page.fill("#id_email", "selain@example.fi")
    page.locator("#field-sectors summary").click()
    page.get_by_label(sector.name_fi, exact=True).check()
    page.get_by_label("Olen lukenut tietosuojaselosteen").check()
    page.get_by_role("button", name="Tilaa uutiskirje").click()
    page.wait_for_url(re.compile(r"/uutiskirje/tilattu/$"))
    assert page.locator("h1").inner_text() == "Tarkista sähköpostisi"

    reader = Subscriber.objects.get(email="selain@example.fi")
    assert reader.status == SubscriberStatus.PENDING
    assert list(reader.sectors.all()) == [sector]
    stored = OutgoingEmail.objects.get(to="selain@example.fi")
    assert stored.purpose == "newsletter_confirm"
    page.goto(page.base + emailed_link("vahvista"))
    page.get_by_role("button", name="Vahvista tilaus").click()
    page.wait_for_url(re.compile(r"/uutiskirje/asetukset/"))
    assert "Tilauksesi on vahvistettu" in page.locator(".messages").inner_text()
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.CONFIRMED

    page.get_by_label("Koko uutiskirje").uncheck()
    page.locator("#field-themes summary").click()
    page.get_by_label(theme.name_fi, exact=True).check()
    page.get_by_label("Svenska").check()
    page.get_by_role("button", name="Tallenna muutokset").click()
    page.wait_for_selector(".messages")
    assert "Valintasi on tallennettu." in page.locator(".messages").inner_text()
    reader.refresh_from_db()
    assert not reader.wants_newsletter and reader.language == "sv"
    assert list(reader.themes.all()) == [theme] and list(reader.sectors.all()) == [sector]

    page.get_by_role("link", name="Lopeta tilaus").click()
    page.wait_for_url(re.compile(r"/uutiskirje/lopeta/"))
    page.get_by_role("button", name="Lopeta tilaus").click()
    page.wait_for_selector("#unsubscribed")
    assert page.locator("h1").inner_text() == "Olet lopettanut tilauksen"
    reader.refresh_from_db()
    assert reader.status == SubscriberStatus.LEFT and reader.email == ""


def test_the_footer_form_works_without_javascript(page_without_js):
    page = page_without_js
    page.goto(page.base + "/tapahtumat/")
    footer = page.locator(".footer-newsletter")
    footer.get_by_label("Sähköpostiosoite").fill("alaosa@example.fi")
    footer.get_by_role("button", name="Tilaa").click()
    # Without consent: the whole page, the address kept, the summary first.
    page.wait_for_selector("#error-summary")
    assert page.locator("h1").inner_text() == "Tilaa uutiskirje"
    assert page.input_value("#id_email") == "alaosa@example.fi"
    page.get_by_label("Olen lukenut tietosuojaselosteen").check()
    page.get_by_role("button", name="Tilaa uutiskirje").click()
    page.wait_for_url(re.compile(r"/uutiskirje/tilattu/$"))
    reader = Subscriber.objects.get(email="alaosa@example.fi")
    assert reader.source == SubscriberSource.FORM and reader.wants_newsletter

    page.goto(page.base + "/sv/")
    footer = page.locator(".footer-newsletter")
    footer.get_by_label("E-postadress").fill("svenska@example.fi")
    footer.get_by_label("Jag godkänner").check()
    footer.get_by_role("button", name="Prenumerera").click()
    page.wait_for_url(re.compile(r"/sv/uutiskirje/tilattu/$"))
    reader = Subscriber.objects.get(email="svenska@example.fi")
    assert reader.source == SubscriberSource.FOOTER and reader.language == "sv"


@pytest.mark.parametrize("width", [390, 1366])
def test_newsletter_pages_are_accessible(browser, live_server, reference_data, axe_check, width):
    context = browser.new_context(
        locale="fi-FI", viewport={"width": width, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    base = live_server.url
    waiting = subscribed("odottaa@example.fi", confirm=False)
    reader = subscribed("lukija@example.fi", sectors=[Sector.objects.first()])
    issue = draft_issue(key="kevat", subject_fi="Kevään uutiskirje", intro_fi="Hei!")
    issue_schedule(issue, actor=None)
    newsletter_tick()
    leaving = subscribed("lahtee@example.fi")
    try:
        for path in (
            "/uutiskirje/",
            "/uutiskirje/tilattu/",
            f"/uutiskirje/vahvista/{subscriber_token(waiting)}/",
            f"/uutiskirje/asetukset/{subscriber_token(waiting)}/",
            f"/uutiskirje/asetukset/{subscriber_token(reader)}/",
            f"/uutiskirje/lopeta/{subscriber_token(reader)}/",
            "/uutiskirje/asetukset/1.vanhentunut/",
            "/uutiskirje/arkisto/",
            "/uutiskirje/arkisto/kevat/",
            "/sv/uutiskirje/arkisto/kevat/",
        ):
            page.goto(base + path)
            axe_check(page)
            no_sideways_scroll(page)
        # The form with errors: the summary has focus; the topic groups stay usable.
        page.goto(base + "/uutiskirje/")
        page.fill("#id_email", "ei-osoite")
        page.get_by_label("Koko uutiskirje").uncheck()
        page.get_by_role("button", name="Tilaa uutiskirje").click()
        page.wait_for_selector("#error-summary")
        assert page.evaluate("document.activeElement.id") == "error-summary"
        page.locator("#field-regions summary").click()
        axe_check(page)
        no_sideways_scroll(page)
        # Unsubscribed, and the page the link then opens.
        page.goto(base + f"/uutiskirje/lopeta/{subscriber_token(leaving)}/")
        page.get_by_role("button", name="Lopeta tilaus").click()
        page.wait_for_selector("#unsubscribed")
        axe_check(page)
        page.goto(base + f"/uutiskirje/asetukset/{subscriber_token(leaving)}/")
        axe_check(page)
    finally:
        context.close()


def test_subscribing_by_keyboard_with_the_focus_visible(page):
    sector = Sector.objects.active().first()
    page.goto(page.base + "/uutiskirje/")
    page.locator("#id_email").focus()
    page.keyboard.type("nappaimisto@example.fi")
    assert focus_is_visible(page)
    page.keyboard.press("Tab")  # the whole newsletter (ticked)
    assert page.evaluate("document.activeElement.id") == "id_wants_newsletter"
    assert focus_is_visible(page)
    page.keyboard.press("Tab")  # the sectors' summary
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    assert focus_is_visible(page)
    page.keyboard.press("Enter")  # opens the group
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "sectors"
    assert focus_is_visible(page)
    page.keyboard.press("Space")
    page.locator("#id_consent").focus()
    page.keyboard.press("Space")
    assert focus_is_visible(page)
    page.keyboard.press("Tab")  # the privacy notice link
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/uutiskirje/tilattu/$"))
    reader = Subscriber.objects.get(email="nappaimisto@example.fi")
    assert list(reader.sectors.all()) == [sector] and reader.wants_newsletter

    # The footer's form on another page: its fields show focus on the dark footer too.
    page.goto(page.base + "/")
    page.locator("#footer-newsletter-email").focus()
    assert focus_is_visible(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "footer-newsletter-consent"
    assert focus_is_visible(page)
