"""Sharing a deed in a real browser: submit → confirm email → moderate → published,
with JavaScript on and off, and "return to submitter → edit → publish"."""

import re

import pytest
from django.core import mail

from taxonomy.models import Sector, Theme
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def setting(reference_data, django_user_model):
    OrganisationFactory(name_fi="Limingan kunta", name_sv="Limingo kommun")
    django_user_model.objects.create_user(
        email="moderaattori@example.fi", password="moderointi-salasana", is_staff=True
    )


def fill_and_send(page, title):
    page.goto(page.base + "/ilmianna/")
    page.fill("#id_title", title)
    page.fill("#id_summary", "Kotihoito lyhensi aamupalaverin kymmeneen minuuttiin.")
    page.fill("#id_description", "Seisova palaveri taulun ääressä joka aamu.")
    page.fill("#id_organisation_name", "Limingan kunta")
    sector = Sector.objects.get(slug="sosiaali-ja-terveys").pk
    theme = Theme.objects.get(slug="tyohyvinvointi").pk
    page.check(f'input[name="sectors"][value="{sector}"]')
    page.check(f'input[name="themes"][value="{theme}"]')
    page.fill("#id_contact_name_1", "Maija Meikäläinen")
    page.fill("#id_contact_email_1", "maija@example.fi")
    page.check("#id_contact_consent_1")
    page.fill("#id_email", "lahettaja@example.fi")
    page.check("#id_licence")
    page.click('button[value="preview"]')
    page.wait_for_url(re.compile(r"/esikatselu/$"))
    assert page.locator(".preview .deed__title").inner_text() == title
    page.click('.form-actions button[type="submit"]')
    page.wait_for_url(re.compile(r"/lahetetty/$"))


def secret_link(page):
    body = mail.outbox[-1].body
    return page.base + re.search(r"/ilmianna/seuraa/[^\s]+/", body).group(0)


def sign_in_as_moderator(page):
    page.goto(page.base + "/moderointi/")
    if "/moderointi/" in page.url and "login" not in page.url:
        return  # signed in already
    page.fill("#id_username", "moderaattori@example.fi")
    page.fill("#id_password", "moderointi-salasana")
    page.click('input[type="submit"]')
    page.wait_for_url(re.compile(r"/moderointi/$"))


def decide(page, title, action, message=""):
    sign_in_as_moderator(page)
    page.get_by_role("link", name=title).click()
    if message:
        page.fill("#id_message", message)
    page.click(f'button[value="{action}"]')
    page.wait_for_url(re.compile(r"/moderointi/$"))


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_deed_goes_from_the_form_to_the_public_catalogue(request, setting, javascript, axe_check):
    page = request.getfixturevalue("page" if javascript else "page_without_js")
    title = f"Lyhyet aamupalaverit ({'js' if javascript else 'ilman js'})"
    if javascript:
        page.goto(page.base + "/ilmianna/")
        axe_check(page)
    fill_and_send(page, title)
    assert "lahettaja@example.fi" in page.inner_text("main")

    page.goto(secret_link(page))
    assert page.locator("[data-status]").get_attribute("data-status") == "in_review"
    decide(page, title, "publish")

    page.goto(page.base + "/teot/")
    page.get_by_role("link", name=title).click()
    assert page.locator("h1").inner_text() == title
    # A colleague named as contact is shown only after agreeing (test_contact_consent.py).
    assert "maija@example.fi" not in page.inner_text("main")


def test_a_returned_deed_is_edited_and_then_published(page, setting, axe_check):
    fill_and_send(page, "Palautettava teko")
    page.goto(secret_link(page))
    sign_in_as_moderator(page)
    page.get_by_role("link", name="Palautettava teko").click()
    axe_check(page)
    decide(page, "Palautettava teko", "return", "Kerro tuloksista.")

    page.goto(secret_link(page))
    assert "Kerro tuloksista." in page.inner_text("main")
    page.click('button[value="edit"]')
    page.fill("#id_results", "Käynnit alkavat 20 minuuttia aiemmin.")
    page.click('button[value="preview"]')
    page.click('.form-actions button[type="submit"]')
    page.wait_for_url(re.compile(r"/lahetetty/$"))
    decide(page, "Palautettava teko", "publish")
    page.goto(page.base + "/teot/?q=aamupalaveri")
    page.get_by_role("link", name="Palautettava teko").click()
    assert "Käynnit alkavat 20 minuuttia aiemmin." in page.inner_text("main")
