"""The staff visitor dashboard in a real browser: axe-core finds no serious or critical
violation, with figures, a compared period and a bad date, at desktop and phone widths."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from analytics.models import DeedDay, ReferrerDay, SearchDay, SiteDay
from tests.deeds.factories import DeedFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def figures(reference_data, django_user_model):
    django_user_model.objects.create_user(
        email="henkilokunta@example.fi", password="henkilokunta-salasana", is_staff=True
    )
    today = timezone.localdate()
    deed = DeedFactory(title="Kotihoidon iltakäynnit")
    for n in range(120):
        day = today - dt.timedelta(days=n)
        SiteDay.objects.create(day=day, views=40 + n % 9 * 5, visitors=15 + n % 7)
        DeedDay.objects.create(day=day, deed=deed, views=3, visitors=2)
    SearchDay.objects.create(day=today, query="kotihoito", searches=5, zero_results=0)
    SearchDay.objects.create(day=today, query="robottiimuri", searches=2, zero_results=2)
    ReferrerDay.objects.create(day=today, host="kunta.fi", views=7, visitors=5)
    return today


def sign_in(page):
    page.goto(page.base + "/tili/kirjaudu/")
    page.fill("#id_username", "henkilokunta@example.fi")
    page.fill("#id_password", "henkilokunta-salasana")
    page.click(".simple-form button[type=submit]")
    page.wait_for_url(re.compile(r"/moderointi/$"))


def test_the_dashboard_has_no_serious_accessibility_problems(page, phone_page, figures, axe_check):
    sign_in(page)
    start = (figures - dt.timedelta(days=13)).isoformat()
    page.goto(f"{page.base}/kavijat/?compare_start={start}&compare_end={figures.isoformat()}")
    assert page.locator("svg[role=img] title").count() == 1
    assert page.locator(".timeline__band").count() >= 1
    assert page.get_by_role("link", name="Kotihoidon iltakäynnit").is_visible()
    axe_check(page)

    page.fill("#id_start", "2026-11-20")
    page.fill("#id_end", "2026-11-01")
    page.click("form.toolbar >> nth=0 >> button[type=submit]")
    page.wait_for_selector(".error-summary")
    axe_check(page)

    page.goto(page.base + "/kavijat/?start=" + (figures - dt.timedelta(days=119)).isoformat())
    assert page.locator(".timeline__bar").count() >= 4  # months
    axe_check(page)

    sign_in(phone_page)
    phone_page.goto(phone_page.base + "/kavijat/")
    axe_check(phone_page)
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the dashboard scrolls sideways on a phone ({width}px)"


def test_the_dashboard_works_without_javascript(page_without_js, figures):
    page = page_without_js
    sign_in(page)
    page.goto(page.base + "/kavijat/")
    page.fill("#id_start", (figures - dt.timedelta(days=6)).isoformat())
    page.click("form.toolbar >> nth=0 >> button[type=submit]")
    page.wait_for_url(re.compile(r"start="))
    assert page.locator("table.data-table >> nth=0 >> tbody tr").count() == 7
