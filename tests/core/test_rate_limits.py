"""Per-hour limits are counted where every app process sees them (the database), and a
failing counter store lets people through rather than failing their page."""

import logging

import pytest
from django.db import connection

from tests.editors.factories import UserFactory
from tests.feedback.factories import form_values
from tests.feedback.helpers import post_feedback

pytestmark = pytest.mark.django_db


def process_memory(settings, name):
    """What a request sees in another app process: its own in-memory cache."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": name,
        }
    }


def test_every_process_sees_the_same_counts(client, settings):
    settings.FEEDBACK_RATE_PER_HOUR = 2
    process_memory(settings, "first process")
    assert post_feedback(client, form_values()).status_code == 302
    process_memory(settings, "second process")
    assert post_feedback(client, form_values()).status_code == 302
    process_memory(settings, "third process")
    assert post_feedback(client, form_values()).status_code == 429


def test_a_sign_in_lockout_holds_in_every_process(client, settings):
    settings.SIGN_IN_ATTEMPTS_PER_HOUR = 1
    user = UserFactory()
    process_memory(settings, "first process")
    client.post("/tili/kirjaudu/", {"username": user.email, "password": "väärä"})
    process_memory(settings, "second process")
    response = client.post("/tili/kirjaudu/", {"username": user.email, "password": "salasana-123"})
    assert response.status_code == 429


@pytest.fixture
def counters_unavailable():
    """The counters' table is gone (a broken migration, a database that refuses writes);
    the test's transaction brings it back afterwards."""
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE core_ratecounter RENAME TO core_ratecounter_away")


def test_without_counters_people_can_still_sign_in_and_send(client, counters_unavailable, caplog):
    user = UserFactory()
    with caplog.at_level(logging.WARNING, logger="core.ratelimit"):
        for _ in range(2):
            response = client.post(
                "/tili/kirjaudu/", {"username": user.email, "password": "salasana-123"}
            )
            assert response.status_code == 302
            client.post("/tili/kirjaudu-ulos/")
        assert post_feedback(client, form_values()).status_code == 302
    # Said once, not on every request.
    assert len([r for r in caplog.records if r.name == "core.ratelimit"]) == 1
