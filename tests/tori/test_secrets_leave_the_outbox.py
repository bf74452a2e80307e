"""Live secret links stay in a stored message only until it is sent, and the admin
never shows them (issue 19, item 9)."""

import re

import pytest
from django.core import mail

from emails.models import EmailStatus, OutgoingEmail
from emails.services import email_deliver
from tests.events.factories_core import published_event, register

pytestmark = pytest.mark.django_db


def test_a_sent_message_keeps_its_text_but_not_its_secret_link():
    register(published_event(), email="maija@example.fi")
    email = OutgoingEmail.objects.get(purpose="event_registered")
    assert email.secrets  # waiting: the link must still go out
    email_deliver(email.pk)
    token = re.search(r"/tapahtumat/ilmoittautuminen/([^/\s]+)/", mail.outbox[-1].body)[1]
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert token not in email.body_text + email.body_html + str(email.secrets)
    assert "/tapahtumat/ilmoittautuminen/[…]/" in email.body_text


def test_the_admin_masks_the_link_of_a_message_still_waiting(admin_client):
    register(published_event(), email="maija@example.fi")
    email = OutgoingEmail.objects.get(purpose="event_registered")
    secret = email.secrets[0]
    assert secret in email.body_text
    page = admin_client.get(f"/hallinta/emails/outgoingemail/{email.pk}/change/")
    assert page.status_code == 200
    assert secret not in page.content.decode()
    assert "[…]" in page.content.decode()


def test_a_password_reset_link_is_forgotten_once_sent(
    client, django_user_model, django_capture_on_commit_callbacks
):
    django_user_model.objects.create_user(email="staff@example.fi", password="x" * 12)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/tili/salasana/", {"email": "staff@example.fi"})
    email = OutgoingEmail.objects.get(purpose="password_reset")
    email_deliver(email.pk)
    token = re.search(r"/tili/salasana/[^/\s]+/([^/\s]+)/", mail.outbox[-1].body)[1]
    assert token in mail.outbox[-1].body
    email.refresh_from_db()
    assert token not in email.body_text + email.body_html
