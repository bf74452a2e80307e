"""Publish, close and reopen registration, cancel: each a POST calling its service; a
refusal is a message, never a server error."""

import pytest

from audit.models import AuditEntry
from emails.models import OutgoingEmail
from events.models import Event
from tests.events.factories_staff import event, past_event, register, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = staff_member()
    client.force_login(user)
    return user


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_staff_publish_a_draft_once(client, staff):
    draft = event(published=False)
    url = f"/tapahtumat/hallinta/{draft.pk}/julkaise/"
    response = client.post(url, follow=True)
    assert Event.objects.get(pk=draft.pk).status == "published"
    assert response.redirect_chain[-1][0] == f"/tapahtumat/hallinta/{draft.pk}/"
    again = client.post(url, follow=True)
    assert again.status_code == 200
    assert len(messages_of(again)) == 1  # the refusal, as a message
    assert AuditEntry.objects.filter(action="event.published").count() == 1


def test_staff_close_and_reopen_registration(client, staff):
    made = event()
    url = f"/tapahtumat/hallinta/{made.pk}/ilmoittautuminen/"
    client.post(url, {"action": "close"})
    assert Event.objects.get(pk=made.pk).registration_state() == "closed"
    page = client.get(f"/tapahtumat/hallinta/{made.pk}/").content.decode()
    assert 'name="action" value="open"' in page
    refused = client.post(url, {"action": "close"}, follow=True)
    assert len(messages_of(refused)) == 1
    client.post(url, {"action": "open"})
    assert Event.objects.get(pk=made.pk).registration_state() == "open"


def test_a_draft_cannot_have_its_registration_closed(client, staff):
    draft = event(published=False)
    response = client.post(
        f"/tapahtumat/hallinta/{draft.pk}/ilmoittautuminen/", {"action": "close"}, follow=True
    )
    assert response.status_code == 200
    assert len(messages_of(response)) == 1
    assert not Event.objects.get(pk=draft.pk).registration_closed


def test_cancelling_asks_first_and_needs_a_reason(client, staff):
    made = event(capacity=1)
    register(made)
    register(made)
    url = f"/tapahtumat/hallinta/{made.pk}/peru/"
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert 'name="reason"' in confirm.content.decode()
    assert Event.objects.get(pk=made.pk).status == "published"
    refused = client.post(url, {"reason": "   "})
    assert refused.status_code == 400
    assert Event.objects.get(pk=made.pk).status == "published"


def test_cancelling_tells_everyone_with_the_reason(client, staff):
    made = event(capacity=1)
    register(made)
    register(made)
    before = OutgoingEmail.objects.count()
    response = client.post(
        f"/tapahtumat/hallinta/{made.pk}/peru/", {"reason": "Kouluttaja sairastui."}
    )
    assert response.status_code == 302
    made.refresh_from_db()
    assert made.status == "cancelled"
    cancelled = OutgoingEmail.objects.order_by("pk")[before:]
    assert len(cancelled) == 2
    assert AuditEntry.objects.get(action="event.cancelled").reason == "Kouluttaja sairastui."


def test_an_event_that_is_over_cannot_be_cancelled(client, staff):
    over = past_event()
    response = client.post(f"/tapahtumat/hallinta/{over.pk}/peru/", {"reason": "Myöhässä"})
    assert response.status_code == 400
    assert Event.objects.get(pk=over.pk).status == "published"


def test_the_overview_lists_drafts_with_counts(client, staff):
    draft = event(published=False, title_fi="Luonnostapahtuma")
    full = event(title_fi="Täysi tapahtuma", capacity=1)
    register(full)
    register(full)
    page = client.get("/tapahtumat/hallinta/").content.decode()
    assert "Luonnostapahtuma" in page and f"/tapahtumat/hallinta/{draft.pk}/" in page
    assert "1 / 1" in page  # confirmed / capacity
    assert client.get("/tapahtumat/hallinta/?sivu=abc").status_code == 200
    assert client.get("/tapahtumat/hallinta/?sivu=99999").status_code == 200


def test_the_history_names_people_without_accounts_in_words(client, staff):
    from events.services import registration_cancel

    made = event()
    registration_cancel(register(made))
    page = client.get(f"/tapahtumat/hallinta/{made.pk}/").content.decode()
    assert "Sivuston käyttäjä" in page and "Ilmoittautuja" in page
    assert " public:" not in page and " registrant:" not in page
