"""Emailed secret links keep opening while SECRET_KEY is rotated out (HTTP)."""

import pytest
from django.core import mail

from tests.organisations.factories import OrganisationFactory
from tests.submissions.factories import form_values
from tests.submissions.helpers import link_from, post_form

pytestmark = pytest.mark.django_db

OLD_KEY = "old-key-" + "o" * 50
NEW_KEY = "new-key-" + "n" * 50


@pytest.fixture
def link_made_with_old_key(client, settings, django_capture_on_commit_callbacks):
    settings.SECRET_KEY = OLD_KEY
    settings.SECRET_KEY_FALLBACKS = []
    response = post_form(client, form_values(OrganisationFactory()), action="preview")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(response["Location"])
    return link_from(mail.outbox[-1])


def test_a_link_made_with_the_old_key_opens_while_the_old_key_is_a_fallback(
    client, settings, link_made_with_old_key
):
    settings.SECRET_KEY = NEW_KEY
    settings.SECRET_KEY_FALLBACKS = [OLD_KEY]

    assert client.get(link_made_with_old_key).status_code == 200


def test_a_link_made_with_the_old_key_stops_opening_once_the_old_key_is_removed(
    client, settings, link_made_with_old_key
):
    settings.SECRET_KEY = NEW_KEY
    settings.SECRET_KEY_FALLBACKS = []

    assert client.get(link_made_with_old_key).status_code == 404


def test_a_link_made_with_the_current_key_opens(client, settings, link_made_with_old_key):
    settings.SECRET_KEY_FALLBACKS = ["some-other-old-key-" + "x" * 40]

    assert client.get(link_made_with_old_key).status_code == 200
