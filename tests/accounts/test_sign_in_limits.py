"""Guessing passwords: one limit per account and per client, shared by every sign-in
page (ours and the admin's), the same for accounts that exist and those that do not."""

import re

import pytest
from django.conf import settings as django_settings
from django.utils import translation

from tests.editors.factories import UserFactory

pytestmark = pytest.mark.django_db

PUBLIC = "/tili/kirjaudu/"
ADMIN = "/hallinta/login/"
LOCKED_FI = "Yritä uudelleen tunnin kuluttua"


@pytest.fixture(autouse=True)
def _finnish_afterwards():
    # A /sv/ or /en/ request leaves its language active in this thread.
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


def attempt(client, url, email, password="väärä", address="192.0.2.10"):
    return client.post(url, {"username": email, "password": password}, REMOTE_ADDR=address)


def signed_in(client):
    return "_auth_user_id" in client.session


def test_the_admin_sign_in_is_limited_too(client, settings):
    settings.SIGN_IN_ATTEMPTS_PER_HOUR = 3
    staff = UserFactory(is_staff=True)
    for _ in range(3):
        assert attempt(client, ADMIN, staff.email).status_code == 200
    response = attempt(client, ADMIN, staff.email, "salasana-123")  # the right one waits too
    assert not signed_in(client)
    assert LOCKED_FI in response.content.decode()


def test_both_sign_in_pages_count_towards_one_limit(client, settings):
    settings.SIGN_IN_ATTEMPTS_PER_HOUR = 3
    staff = UserFactory(is_staff=True)
    attempt(client, PUBLIC, staff.email)
    attempt(client, ADMIN, staff.email)
    attempt(client, ADMIN, staff.email)
    response = attempt(client, PUBLIC, staff.email, "salasana-123")
    assert response.status_code == 429
    assert not signed_in(client)


def test_guessing_one_accounts_password_from_many_addresses_is_limited(client, settings):
    settings.SIGN_IN_ATTEMPTS_PER_HOUR = 3
    user = UserFactory()
    for n in range(3):
        attempt(client, PUBLIC, user.email, address=f"198.51.100.{n}")
    # Upper case is the same account.
    response = attempt(client, ADMIN, user.email.upper(), "salasana-123", address="203.0.113.9")
    assert LOCKED_FI in response.content.decode()
    response = attempt(client, PUBLIC, user.email, "salasana-123", address="203.0.113.9")
    assert response.status_code == 429
    assert not signed_in(client)


def test_one_address_guessing_many_accounts_is_limited(client, settings):
    settings.SIGN_IN_ATTEMPTS_PER_HOUR = 3
    for n in range(3):
        attempt(client, PUBLIC, f"arvaus{n}@example.fi")
    user = UserFactory()
    assert attempt(client, PUBLIC, user.email, "salasana-123").status_code == 429
    assert not signed_in(client)


def without_tokens(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


@pytest.mark.parametrize("url", [PUBLIC, ADMIN])
def test_a_locked_account_looks_the_same_whether_it_exists_or_not(client, settings, url):
    settings.SIGN_IN_ATTEMPTS_PER_HOUR = 2
    UserFactory(email="olemassa@example.fi", is_staff=True)
    answers = []
    for email in ("olemassa@example.fi", "eiole@example.fi"):
        for n in range(2):
            attempt(client, url, email, address=f"198.51.100.{n}")
        response = attempt(client, url, email, address="203.0.113.9")
        page = without_tokens(response.content.decode()).replace(email, "EMAIL")
        answers.append((response.status_code, page))
    assert LOCKED_FI in answers[0][1]
    assert answers[0] == answers[1]


@pytest.mark.parametrize(
    ("prefix", "message"),
    [
        ("", "Tällä sähköpostiosoitteella tai verkostasi on yritetty kirjautua liian monta"),
        ("/sv", "För många inloggningsförsök med den här e-postadressen eller från ditt nätverk"),
        ("/en", "Too many sign-in attempts with this email address or from your network"),
    ],
)
def test_the_lockout_is_explained_in_the_pages_language(client, settings, prefix, message):
    settings.SIGN_IN_ATTEMPTS_PER_HOUR = 1
    attempt(client, prefix + PUBLIC, "joku@example.fi")
    response = attempt(client, prefix + PUBLIC, "joku@example.fi")
    assert response.status_code == 429
    assert message in response.content.decode()


def test_signing_in_successfully_does_not_use_up_the_limit(client, settings):
    settings.SIGN_IN_ATTEMPTS_PER_HOUR = 2
    user = UserFactory()
    for _ in range(4):
        response = attempt(client, PUBLIC, user.email, "salasana-123")
        assert response.status_code == 302
        client.post("/tili/kirjaudu-ulos/")
