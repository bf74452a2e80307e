"""Coaching's working pages in a real browser: an expert signs in, opens the
application assigned to them and plans and records a session with the keyboard;
the board and the application page are axe-clean at phone and desktop widths."""

import datetime
import re
from decimal import Decimal

import pytest

from accounts.models import User
from coaching.experts import expert_invitation_accept, expert_invite
from coaching.models import Application, ApplicationStatus, Session
from core import clock
from tests.coaching.factories import accepted, expert, open_round, sent

pytestmark = pytest.mark.browser

EMAIL, PASSWORD = "eeva@valmennus.fi", "Kahvikuppi-Sarastus-42"
STAFF_EMAIL, STAFF_PASSWORD = "sparraus@example.fi", "sparraus-salasana-1"


@pytest.fixture
def coach(reference_data):
    made = expert(name="Eeva Asiantuntija", email=EMAIL)
    expert_invite(made, actor=None)
    made.refresh_from_db()
    expert_invitation_accept(made, password=PASSWORD, first_name="Eeva")
    made.refresh_from_db()
    open_round(budget=Decimal("20"), experts=[made])
    return made


def sign_in(page, email, password):
    page.goto(page.base + "/tili/kirjaudu/")
    page.fill("#id_username", email)
    page.fill("#id_password", password)
    page.click(".simple-form button[type=submit]")
    page.wait_for_load_state()


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} scrolls sideways ({width}px)"


def test_expert_plans_and_records_a_session_with_the_keyboard(page, coach):
    own = accepted(coach=coach, days=Decimal("2"))
    accepted()  # someone else's: not on the expert's page
    sign_in(page, EMAIL, PASSWORD)
    page.goto(page.base + "/")
    page.locator("nav.account-bar a[href='/sparraus/hallinta/omat/']").click()
    page.wait_for_url(re.compile(r"/sparraus/hallinta/omat/$"))
    assert page.locator(".coaching-card").count() == 1
    page.locator(".coaching-card a").first.click()
    page.wait_for_url(re.compile(rf"/sparraus/hallinta/{own.pk}/$"))

    day = clock.now().date() - datetime.timedelta(days=2)
    page.focus("#id_plan-date")
    page.fill("#id_plan-date", day.isoformat())
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#sessions$"))
    session = Session.objects.get(application=own)
    assert Application.objects.get(pk=own.pk).status == ApplicationStatus.SCHEDULED

    prefix = f"#id_session-{session.pk}"
    page.focus(f"{prefix}-days")
    page.keyboard.type("1.5")
    page.keyboard.press("Tab")
    page.keyboard.type("14")
    page.keyboard.press("Tab")
    page.keyboard.type("20")  # more employees than participants: refused, values kept
    page.keyboard.press("Enter")
    page.wait_for_selector(".coaching-action .notice--error")
    assert page.input_value(f"{prefix}-participants") == "14"
    page.fill(f"{prefix}-employees", "")
    page.focus(f"{prefix}-employees")
    page.keyboard.type("11")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#sessions$"))
    session.refresh_from_db()
    assert session.held and session.participants == 14 and session.employees == 11
    assert session.days == Decimal("1.5")

    button = page.locator("form[action$='/toteutunut/'] button")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#state$"))
    assert Application.objects.get(pk=own.pk).status == ApplicationStatus.REALISED


@pytest.mark.parametrize("width", [390, 1366])
def test_board_and_application_page_are_accessible(
    browser, live_server, reference_data, axe_check, width
):
    User.objects.create_user(email=STAFF_EMAIL, password=STAFF_PASSWORD, is_staff=True)
    coach = expert(name="Kaisa Valmentaja")
    open_round(budget=Decimal("3"), experts=[coach])
    waiting = sent(days_requested=Decimal("5"), goals="Haluamme kehittää palautekulttuuria.")
    scheduled = accepted(coach=coach, days=Decimal("2"))
    from coaching.services import message_send, note_add, session_plan

    session_plan(scheduled, date=clock.now().date(), actor=None)
    message_send(scheduled, author="staff", body="Sopiiko marraskuu?")
    note_add(scheduled, body="Ryhmässä kaksi esihenkilöä.", user=None)
    context = browser.new_context(
        locale="fi-FI", viewport={"width": width, "height": 900}, bypass_csp=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base = live_server.url
    try:
        sign_in(page, STAFF_EMAIL, STAFF_PASSWORD)
        for path in (
            "/sparraus/hallinta/",
            f"/sparraus/hallinta/{waiting.pk}/",
            f"/sparraus/hallinta/{scheduled.pk}/",
            "/sparraus/hallinta/kierrokset/",
            "/sparraus/hallinta/asiantuntijat/",
            "/sparraus/hallinta/palaute/",
        ):
            response = page.goto(page.base + path)
            assert response.status == 200, path
            axe_check(page)
            no_sideways_scroll(page)
        # Past the budget: the refusal with the override offered, values kept.
        page.goto(page.base + f"/sparraus/hallinta/{waiting.pk}/")
        page.fill("#id_accept-days", "5")
        page.select_option("#id_accept-expert", str(coach.pk))
        page.locator("form[action$='/hyvaksy/'] button[type=submit]").click()
        page.wait_for_selector("#id_accept-override")
        assert page.input_value("#id_accept-days") == "5"
        axe_check(page)
        no_sideways_scroll(page)
    finally:
        context.close()
