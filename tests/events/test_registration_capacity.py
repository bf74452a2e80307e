"""Capacity and the waiting list through the services: who gets a place, who waits,
who is promoted, and what each of them is told."""

import pytest

from emails.models import OutgoingEmail
from events.models import RegistrationStatus
from events.services import (
    EventError,
    event_cancel,
    event_change,
    event_set_registration_open,
    registration_cancel,
    registration_create,
)

from .factories_core import published_event, register

pytestmark = pytest.mark.django_db

CONFIRMED, WAITLISTED, CANCELLED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.CANCELLED,
)


def statuses(event):
    return list(event.registrations.order_by("pk").values_list("status", flat=True))


def test_people_beyond_the_capacity_join_the_waiting_list_in_order():
    event = published_event(capacity=2)
    people = [register(event) for _ in range(4)]
    assert statuses(event) == [CONFIRMED, CONFIRMED, WAITLISTED, WAITLISTED]
    assert [p.waitlist_position() for p in people[2:]] == [1, 2]
    event.refresh_from_db()
    assert event.waitlist_peak == 2


def test_a_cancellation_promotes_the_first_person_waiting_and_emails_them():
    event = published_event(capacity=1)
    first, second, third = register(event), register(event), register(event)
    _, promoted = registration_cancel(first)
    assert [p.pk for p in promoted] == [second.pk]
    assert statuses(event) == [CANCELLED, CONFIRMED, WAITLISTED]
    promoted_mail = OutgoingEmail.objects.get(to=second.email, purpose="event_promoted")
    assert promoted_mail.attachments[0]["mimetype"] == "text/calendar"
    assert third.waitlist_position() == 1


def test_leaving_the_waiting_list_promotes_nobody():
    event = published_event(capacity=1)
    register(event)
    waiting, last = register(event), register(event)
    _, promoted = registration_cancel(waiting)
    assert promoted == []
    assert last.waitlist_position() == 1
    with pytest.raises(EventError):
        registration_cancel(waiting)


def test_the_same_address_registers_once_in_any_letter_case():
    event = published_event(capacity=5)
    first = register(event, email="Maija@Example.fi")
    again, created = registration_create(
        event,
        name="Maija",
        email="maija@example.fi",
        role="employee",
        language="sv",
        consent_version="x",
    )
    assert (again.pk, created) == (first.pk, False)
    assert event.registrations.count() == 1
    # The second post sends the link again (in the stored language), nothing else.
    assert OutgoingEmail.objects.filter(purpose="event_registration_again").count() == 1


def test_a_cancelled_person_may_register_again():
    event = published_event(capacity=5)
    first = register(event, email="a@example.fi")
    registration_cancel(first)
    again = register(event, email="a@example.fi")
    assert again.pk != first.pk and again.status == CONFIRMED


def test_raising_the_capacity_promotes_and_lowering_below_the_registered_is_refused(
    staff_user,
):
    event = published_event(capacity=1)
    register(event), register(event), register(event)
    _, promoted = event_change(event, actor=staff_user, capacity=2)
    assert len(promoted) == 1
    assert statuses(event) == [CONFIRMED, CONFIRMED, WAITLISTED]
    with pytest.raises(EventError):
        event_change(event, actor=staff_user, capacity=1)
    _, promoted = event_change(event, actor=staff_user, capacity=None)
    assert len(promoted) == 1 and statuses(event) == [CONFIRMED] * 3


def test_closed_registration_takes_nobody_and_reopening_works(staff_user):
    event = published_event(capacity=3)
    event_set_registration_open(event, open=False, actor=staff_user)
    with pytest.raises(EventError, match="päättynyt"):
        register(event)
    with pytest.raises(EventError):
        event_set_registration_open(event, open=False, actor=staff_user)
    event_set_registration_open(event, open=True, actor=staff_user)
    assert register(event).status == CONFIRMED


def test_no_registration_for_a_draft_past_or_cancelled_event(staff_user):
    from events.services import event_create

    draft = event_create(
        actor=staff_user,
        kind="webinar",
        title_fi="Luonnos",
        summary_fi="x",
        starts_at=published_event().starts_at,
        ends_at=published_event().ends_at,
    )
    with pytest.raises(EventError):
        register(draft)
    past = published_event(days_ahead=-3)
    with pytest.raises(EventError, match="ohi"):
        register(past)
    cancelled = published_event()
    person = register(cancelled)
    event_cancel(cancelled, actor=staff_user, reason="Sairastuminen")
    with pytest.raises(EventError):
        register(cancelled)
    told = OutgoingEmail.objects.get(to=person.email, purpose="event_cancelled")
    assert "Sairastuminen" in told.body_text


def test_diet_is_not_asked_of_online_events():
    event = published_event(online=True)
    assert register(event, diet="gluteeniton").diet == ""


def test_confirmation_is_written_in_the_registrants_language_with_the_calendar_file():
    event = published_event(title_sv="Verkstad", online=True, stream_url="https://example.fi/live")
    person = register(event, language="sv")
    mail = OutgoingEmail.objects.get(to=person.email, purpose="event_registered")
    assert mail.language == "sv"
    assert "Verkstad" in mail.subject
    assert mail.attachments[0]["filename"].endswith(".ics")
    # A confirmed registrant gets the stream link, in the email and in the file.
    assert "https://example.fi/live" in mail.body_text
    assert "https://example.fi/live" in mail.attachments[0]["content"]


def test_people_waiting_do_not_get_the_stream_link_until_promoted():
    event = published_event(capacity=1, online=True, stream_url="https://example.fi/live")
    first, waiting = register(event), register(event)
    mail = OutgoingEmail.objects.get(to=waiting.email, purpose="event_waitlisted")
    assert "https://example.fi/live" not in mail.body_text + str(mail.attachments)
    registration_cancel(first)
    promoted = OutgoingEmail.objects.get(to=waiting.email, purpose="event_promoted")
    assert "https://example.fi/live" in promoted.body_text
