"""The newsletter's staff pages in a real browser: staff compose an issue, preview it
(the email's HTML drawn in its sandboxed frame under the page's real policies), schedule
it and watch htmx follow its sending; axe-core clean at phone and desktop widths."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from newsletter.models import Issue, IssueStatus
from newsletter.sending import newsletter_tick
from recognition.highlights import Highlight, monday_of
from tests.deeds.factories import DeedFactory
from tests.newsletter.factories import draft_issue, subscribed
from tests.newsletter.factories_staff import set_aside

pytestmark = pytest.mark.browser

EMAIL, PASSWORD = "uutiskirje@example.fi", "uutiskirje-salasana"
BASE = "/uutiskirje/hallinta/"


@pytest.fixture
def staff(reference_data, django_user_model):
    return django_user_model.objects.create_user(email=EMAIL, password=PASSWORD, is_staff=True)


def sign_in(page):
    page.goto(page.base + "/tili/kirjaudu/")
    page.fill("#id_username", EMAIL)
    page.fill("#id_password", PASSWORD)
    page.click(".simple-form button[type=submit]")
    page.wait_for_url(re.compile(r"/moderointi/$"))


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} scrolls sideways ({width}px)"


def test_compose_preview_and_schedule(browser, live_server, staff):
    deed = DeedFactory(title="Viikon nostettu teko")
    Highlight.objects.create(deed=deed, week=monday_of(timezone.localdate()))
    # The real policies (no bypass_csp): the frame must still draw the email.
    context = browser.new_context(locale="fi-FI", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base = live_server.url
    try:
        sign_in(page)
        page.locator("nav.account-bar").get_by_role("link", name="Uutiskirje", exact=True).click()
        page.wait_for_url(re.compile(BASE + "$"))
        page.get_by_role("link", name="Uusi numero").click()
        assert page.input_value("#id_key") == f"{timezone.localtime():%Y-%m}"
        assert page.is_checked(f"input[name=highlights][value='{deed.pk}']")
        page.fill("#id_subject_fi", "Joulukuun uutiskirje")
        page.fill("#id_intro_fi", "Hyvää joulua, kehittäjät!")
        page.fill("#id_news-0-title_fi", "Gaala lähestyy")
        page.get_by_role("button", name="Tallenna luonnoksena").click()
        page.wait_for_url(re.compile(BASE + r"\d+/$"))
        issue = Issue.objects.get()
        assert "Luonnos" in page.locator(".lead").inner_text()

        page.get_by_role("link", name="Esikatselu", exact=True).click()
        frame = page.frame_locator("iframe.staff-newsletter__frame")
        assert "Hyvää joulua, kehittäjät!" in frame.locator("body").inner_text()
        assert "Viikon nostettu teko" in frame.locator("body").inner_text()
        assert "Gaala lähestyy" in page.locator("pre").inner_text()

        page.goto(page.base + f"{BASE}{issue.pk}/")
        page.get_by_label("Tähän aikaan").check()
        tomorrow = timezone.localtime() + dt.timedelta(days=1)
        page.fill("#id_at", tomorrow.strftime("%Y-%m-%dT09:00"))
        page.get_by_role("button", name="Ajasta", exact=True).click()
        page.wait_for_selector("text=Numero lähetetään")
        issue.refresh_from_db()
        assert issue.status == IssueStatus.SCHEDULED
        assert timezone.localtime(issue.scheduled_at).hour == 9
    finally:
        context.close()


def test_the_progress_follows_the_sending(page, staff):
    for _ in range(2):
        subscribed()
    issue = draft_issue(subject_fi="Lähtevä numero")
    sign_in(page)
    page.goto(page.base + f"{BASE}{issue.pk}/")
    page.get_by_label("Heti").check()
    page.get_by_role("button", name="Ajasta", exact=True).click()
    page.wait_for_selector("text=Numero lähetetään minuutin kuluessa.")
    newsletter_tick(deliver=False)  # started, copies written, nothing sent yet
    page.reload()
    assert "0 / 2 lähetetty" in page.locator("#issue-progress").inner_text()

    newsletter_tick()

    # htmx's polling sees the issue sent and reloads the page with its final state.
    page.wait_for_function(
        "document.querySelector('#issue-progress')"
        " && document.querySelector('#issue-progress').innerText.includes('2 / 2 lähetetty')"
        " && !document.querySelector('[hx-trigger]')",
        timeout=15_000,
    )
    assert "Lähetetty" in page.locator(".lead").inner_text()


@pytest.mark.parametrize("width", [390, 1366])
def test_the_pages_are_accessible(browser, live_server, staff, axe_check, width):
    context = browser.new_context(
        locale="fi-FI", viewport={"width": width, "height": 900}, bypass_csp=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base = live_server.url
    Highlight.objects.create(
        deed=DeedFactory(title="Nostettu teko"), week=monday_of(timezone.localdate())
    )
    draft = draft_issue(subject_fi="Luonnosnumero")
    draft.news.create(position=0, title_fi="Uutinen", title_sv="Nyhet")
    subscribed()
    sent = draft_issue(subject_fi="Lähetetty numero")
    from newsletter.issue_services import issue_schedule

    issue_schedule(sent, actor=None)
    newsletter_tick()
    aside = set_aside("sivuun.siirretty.pitka.osoite@example.fi")
    try:
        sign_in(page)
        for path in (
            BASE,
            f"{BASE}uusi/",
            f"{BASE}{draft.pk}/",
            f"{BASE}{draft.pk}/muokkaa/",
            f"{BASE}{draft.pk}/esikatselu/",
            f"{BASE}{draft.pk}/esikatselu/?language=sv&whole=no&region=1",
            f"{BASE}{draft.pk}/testi/",
            f"{BASE}{draft.pk}/poista/",
            f"{BASE}{sent.pk}/",
            f"{BASE}tilaajat/",
            f"{BASE}tilaajat/{aside.pk}/",
            f"{BASE}tilaajat/{aside.pk}/lopeta/",
        ):
            page.goto(page.base + path)
            axe_check(page)
            no_sideways_scroll(page)
        # The form with errors: the summary first, each field says what is wrong.
        page.goto(page.base + f"{BASE}uusi/")
        page.fill("#id_key", "Ei kelpaa")
        page.fill("#id_news-1-text_fi", "Teksti ilman otsikkoa")
        page.get_by_role("button", name="Tallenna luonnoksena").click()
        page.wait_for_selector("#error-summary")
        assert page.input_value("#id_news-1-text_fi") == "Teksti ilman otsikkoa"
        axe_check(page)
        no_sideways_scroll(page)
        page.goto(page.base + f"{BASE}{draft.pk}/")
        page.get_by_label("Tähän aikaan").check()
        page.fill("#id_at", "2020-01-01T09:00")
        page.get_by_role("button", name="Ajasta", exact=True).click()
        page.wait_for_selector("#error-summary")
        axe_check(page)
    finally:
        context.close()
