"""Organisation editors in a real browser: staff invite → the editor accepts, sees
their organisation's deeds, starts an edit and hands a contact over; axe-core on
every page of the way, at desktop and phone widths."""

import re

import pytest
from django.core import mail

from tests.deeds.factories import DeedContactFactory, DeedFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def setting(reference_data, django_user_model):
    organisation = OrganisationFactory(name_fi="Kangasalan kaupunki")
    deed = DeedFactory(organisation=organisation, title="Kirjaston iltapäiväkerho")
    DeedContactFactory(deed=deed, name="Lähtevä Työntekijä")
    django_user_model.objects.create_user(
        email="henkilokunta@example.fi", password="henkilokunta-salasana", is_staff=True
    )
    return deed


def sign_in(page, email, password):
    page.goto(page.base + "/tili/kirjaudu/")
    page.fill("#id_username", email)
    page.fill("#id_password", password)
    page.click(".simple-form button[type=submit]")


def test_staff_invite_an_editor_who_takes_over_their_deeds(page, phone_page, setting, axe_check):
    sign_in(page, "henkilokunta@example.fi", "henkilokunta-salasana")
    page.wait_for_url(re.compile(r"/moderointi/$"))
    page.goto(page.base + "/toimittaja/hallinta/")
    axe_check(page)
    page.fill("#id_email", "toimittaja@example.fi")
    page.select_option("#id_organisations", label="Kangasalan kaupunki")
    page.click(".simple-form button[type=submit]")
    page.wait_for_selector("text=Kutsu lähetettiin osoitteeseen toimittaja@example.fi.")
    path = re.search(r"/toimittaja/kutsu/[^\s]+/", mail.outbox[-1].body).group(0)

    editor = phone_page  # the editor reads the invitation on a phone
    editor.goto(editor.base + path)
    axe_check(editor)
    editor.fill("#id_first_name", "Tiina")
    editor.fill("#id_last_name", "Toimittaja")
    editor.fill("#id_password1", "kangasala-2026-teot")
    editor.fill("#id_password2", "kangasala-2026-teot")
    editor.click(".simple-form button[type=submit]")
    editor.wait_for_url(re.compile(r"/toimittaja/$"))
    assert editor.locator("h1").inner_text() == "Kangasalan kaupunki"
    assert editor.get_by_role("link", name="Kirjaston iltapäiväkerho", exact=True).is_visible()
    axe_check(editor)
    width = editor.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the editor's page scrolls sideways on a phone ({width}px)"

    editor.get_by_role("link", name=re.compile("Vaihda yhteyshenkilö")).click()
    axe_check(editor)
    editor.check("#id_contact_0")
    editor.fill("#id_name", "Kalle Kollega")
    editor.fill("#id_email", "kalle@example.fi")
    editor.click(".simple-form button[type=submit]")
    editor.wait_for_url(re.compile(r"/toimittaja/\?organisaatio="))
    assert editor.get_by_text("Kalle Kollega on nyt yhteyshenkilö.", exact=False).is_visible()

    editor.get_by_role("button", name=re.compile("Muokkaa")).click()
    editor.wait_for_url(re.compile(r"/ilmianna/[\w-]+/$"))
    assert editor.input_value("#id_title") == "Kirjaston iltapäiväkerho"
