"""Choosing a new password: a limit per recipient, and an answer that gives away nothing
about whether an account exists, in its text or in the work behind it."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from emails.models import OutgoingEmail
from tests.editors.factories import UserFactory

pytestmark = pytest.mark.django_db

RESET = "/tili/salasana/"


def test_reset_emails_to_one_address_are_limited_per_hour(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PASSWORD_RESET_EMAILS_PER_HOUR = 2
    user = UserFactory()
    for n in range(4):  # from several addresses, so the per-client limit is not what stops it
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(RESET, {"email": user.email}, REMOTE_ADDR=f"198.51.100.{n}")
        assert response["Location"] == "/tili/salasana/lahetetty/"
    assert OutgoingEmail.objects.filter(to=user.email).count() == 2


def statements(queries):
    """The SQL of each query with its values left out."""
    return [re.sub(r"'[^']*'|\b\d+\b|\"s\d+_x\d+\"", "?", query["sql"]) for query in queries]


def test_the_request_does_the_same_work_whether_the_account_exists_or_not(client):
    UserFactory(email="olemassa@example.fi")
    work = []
    for n, email in enumerate(("olemassa@example.fi", "eiole@example.fi")):
        with CaptureQueriesContext(connection) as queries:
            response = client.post(RESET, {"email": email}, REMOTE_ADDR=f"198.51.100.{n}")
        work.append((response.status_code, response["Location"], statements(queries)))
    assert work[0] == work[1]
