"""Campaign and most-inventive-municipality pages in a real browser: axe-core, phone width."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from deeds.models import Deed
from demo.recognition import seed_recognition
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory, municipality
from tests.recognition.factories import gala_with_awards

pytestmark = pytest.mark.browser


@pytest.fixture
def setting(reference_data):
    liminka = OrganisationFactory(name_fi="Limingan kunta", municipality=municipality("425"))
    for day in (2, 3, 15):
        DeedFactory(
            organisation=liminka,
            published_at=dt.datetime(2021, 9, day, 12, tzinfo=ZoneInfo("Europe/Helsinki")),
        )
    seed_recognition()
    gala_with_awards(list(Deed.objects.all()), year=2021)


def test_recognition_pages_are_accessible(page, phone_page, setting, axe_check):
    for view in (page, phone_page):
        for path in (
            "/kampanjat/",
            "/kampanjat/syyskampanja-2021/",
            "/kekseliain-kunta/",
            "/palkitut/2021/",
            "/joulukalenteri/2021/",
            "/joulukalenteri/2021/1/",
        ):
            view.goto(view.base + path)
            axe_check(view)
            width = view.evaluate("document.documentElement.scrollWidth")
            assert width <= view.viewport_size["width"], f"{path} scrolls sideways"
    page.goto(page.base + "/kekseliain-kunta/")
    assert page.get_by_role("heading", name="Kekseliäin kunta 2021").is_visible()
    page.fill("#id_start", "2021-09-01")
    page.fill("#id_end", "2021-09-30")
    page.click(".stats-filters button[type=submit]")
    assert page.locator("#live-ranking tbody tr").first.inner_text().split() == [
        "1.",
        "Liminka",
        "3",
    ]


def test_the_staff_gala_page_is_accessible_and_works_by_keyboard(
    page, phone_page, setting, axe_check, django_user_model
):
    import re

    from recognition.awards import Gala

    django_user_model.objects.create_user(
        email="gaala@example.fi", password="gaala-salasana", is_staff=True
    )
    Gala.objects.filter(year=2021).update(results_public_at=None)
    deed = Deed.objects.first()
    for view in (page, phone_page):
        view.goto(view.base + "/tili/kirjaudu/")
        view.fill("#id_username", "gaala@example.fi")
        view.fill("#id_password", "gaala-salasana")
        view.click(".simple-form button[type=submit]")
        view.wait_for_url(re.compile(r"/moderointi/$"))
        for path in ("/gaalat/", "/gaalat/2021/", "/kampanjat/syyskampanja-2021/hallinta/"):
            view.goto(view.base + path)
            axe_check(view)
            width = view.evaluate("document.documentElement.scrollWidth")
            assert width <= view.viewport_size["width"], f"{path} scrolls sideways"
    # A category added by keyboard alone: focus the name field, type, Tab to the kind
    # and the button, Enter.
    page.goto(page.base + "/gaalat/2021/")
    page.focus("#id_category-name")
    page.keyboard.type("Vuoden kokeilu")
    page.keyboard.press("Tab")
    page.keyboard.type("Ruotsiksi")
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Lisää sarja"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/gaalat/2021/#category$"))
    assert page.get_by_text("Vuoden kokeilu").first.is_visible()
    # A failed publication puts the error summary first, with the reason.
    page.get_by_role("button", name="Julkaise tulokset nyt").click()
    assert page.locator(".error-summary").inner_text().count("Vahvista julkaisu") == 1
    assert deed.title in page.content()
