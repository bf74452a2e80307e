"""Staff message an event's registrants (and optionally the waiting list)."""

import pytest

from emails.models import OutgoingEmail
from events.models import Message
from events.services import event_cancel
from tests.events.factories_staff import event, register, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = staff_member()
    client.force_login(user)
    return user


def test_a_message_goes_to_the_registered_and_is_listed(client, staff):
    made = event(capacity=1)
    register(made, email="rekisteroity@example.fi")
    register(made, email="jonossa@example.fi")
    url = f"/tapahtumat/hallinta/{made.pk}/viestit/"
    before = OutgoingEmail.objects.count()
    response = client.post(url, {"subject": "Ohjelma muuttui", "body": "Aloitamme klo 10."})
    assert response.status_code == 302
    sent = list(OutgoingEmail.objects.order_by("pk")[before:])
    assert [e.to for e in sent] == ["rekisteroity@example.fi"]
    message = Message.objects.get()
    assert message.recipients == 1 and message.sent_by == staff
    page = client.get(url).content.decode()
    assert "Ohjelma muuttui" in page and "Aloitamme klo 10." in page


def test_the_waiting_list_can_be_included(client, staff):
    made = event(capacity=1)
    register(made)
    register(made)
    url = f"/tapahtumat/hallinta/{made.pk}/viestit/"
    client.post(url, {"subject": "Kaikille", "body": "Tieto", "include_waitlist": "on"})
    assert Message.objects.get().recipients == 2


def test_a_message_needs_a_subject_and_keeps_the_text(client, staff):
    made = event()
    url = f"/tapahtumat/hallinta/{made.pk}/viestit/"
    response = client.post(url, {"subject": "", "body": "Tärkeä <b>viesti</b>"})
    assert response.status_code == 400
    assert "Tärkeä &lt;b&gt;viesti&lt;/b&gt;" in response.content.decode()
    assert not Message.objects.exists()


def test_a_cancelled_event_sends_no_messages(client, staff):
    made = event()
    register(made)
    event_cancel(made, actor=staff, reason="Peruttu")
    url = f"/tapahtumat/hallinta/{made.pk}/viestit/"
    response = client.post(url, {"subject": "Hei", "body": "Viesti"})
    assert response.status_code == 400
    assert not Message.objects.exists()
