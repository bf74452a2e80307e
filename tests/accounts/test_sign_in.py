"""Signing in, out and choosing a new password (HTTP)."""

import re

import pytest
from django.core import mail

from emails.models import OutgoingEmail
from tests.editors.factories import UserFactory, editor_of
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def sign_in(client, email, password="salasana-123"):
    return client.post("/tili/kirjaudu/", {"username": email, "password": password})


def test_editors_land_on_their_deeds_and_staff_on_moderation(client, staff_user):
    editor = editor_of(OrganisationFactory())
    response = sign_in(client, editor.email)
    assert client.get(response["Location"])["Location"] == "/toimittaja/"
    page = client.get("/toimittaja/").content.decode()
    assert f"Kirjautuneena: {editor.email}" in page

    client.post("/tili/kirjaudu-ulos/")
    response = client.post("/tili/kirjaudu/", {"username": staff_user.email, "password": "x"})
    assert client.get(response["Location"])["Location"] == "/moderointi/"


def test_a_wrong_password_is_explained_and_the_address_kept(client):
    user = UserFactory()
    response = sign_in(client, user.email, "väärä")
    html = response.content.decode()
    assert response.status_code == 200
    assert "syötä kelvollinen sähköpostiosoite ja salasana" in html  # Django's own Finnish
    assert f'value="{user.email}"' in html
    assert "_auth_user_id" not in client.session


def test_guessing_passwords_from_one_address_is_limited(client, settings):
    settings.SIGN_IN_ATTEMPTS_PER_HOUR = 3
    user = UserFactory()
    for _ in range(3):
        assert sign_in(client, user.email, "väärä").status_code == 200
    response = sign_in(client, user.email)  # even the right password waits
    assert response.status_code == 429
    assert "Yritä uudelleen tunnin kuluttua" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_signing_out_needs_a_post(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get("/tili/kirjaudu-ulos/").status_code == 405
    client.post("/tili/kirjaudu-ulos/")
    assert "_auth_user_id" not in client.session


def test_a_new_password_is_chosen_through_a_queued_email_in_the_users_language(
    client, django_capture_on_commit_callbacks
):
    user = UserFactory(language="sv")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/tili/salasana/", {"email": user.email})
    assert response["Location"] == "/tili/salasana/lahetetty/"
    assert OutgoingEmail.objects.get().purpose == "password_reset"
    message = mail.outbox[-1]
    assert message.subject == "Välj ett nytt lösenord för Tekojen tori"
    path = re.search(r"https?://[^/\s]+(/sv/tili/salasana/[^\s]+/)", message.body).group(1)

    form = client.get(path, follow=True)
    assert form.status_code == 200
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "uusi-pitka-salasana-9", "new_password2": "uusi-pitka-salasana-9"},
    )
    user.refresh_from_db()
    assert user.check_password("uusi-pitka-salasana-9")
    assert client.get(path, follow=True).context["validlink"] is False  # used once


def test_an_unknown_address_gets_the_same_answer_and_no_email(client):
    response = client.post("/tili/salasana/", {"email": "ei-ole@example.fi"})
    assert response["Location"] == "/tili/salasana/lahetetty/"
    assert not OutgoingEmail.objects.exists()
