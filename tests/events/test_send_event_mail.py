"""manage.py send_event_mail (hourly from cron): reminders before, thank-yous after,
each once, queued through the outbox in the registrant's language."""

import datetime as dt
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command

from emails.models import OutgoingEmail
from events.services import (
    event_cancel,
    event_publish_recording,
    registration_cancel,
)
from taxonomy.models import Theme
from tests.events.factories_data import at, make_event, register
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
START = at(2031, 3, 10, 9)  # the events below start here and last three hours
END = START + dt.timedelta(hours=3)


def run(moment):
    """Run the command at ``moment``; the new outbox rows, and what it printed."""
    before = set(OutgoingEmail.objects.values_list("pk", flat=True))
    out = StringIO()
    with time_machine.travel(moment, tick=False):
        call_command("send_event_mail", stdout=out)
    return list(OutgoingEmail.objects.exclude(pk__in=before).order_by("pk")), out.getvalue()


@pytest.fixture
def workshop():
    """Two registrants (one Swedish-speaking), one cancelled, one waiting."""
    event = make_event(title_fi="Työpaja", title_sv="Verkstad", capacity=3, starts_at=START)
    register(event, organisation=OrganisationFactory(name_fi="Limingan kunta"))
    register(event, language="sv", organisation_name="Pikku Oy")
    register(event, email="peruja@example.com")  # cancelled below
    register(event, email="jonossa@example.com")  # waiting: no place, no mail
    registration_cancel(event.registrations.get(email="peruja@example.com"))
    return event


def test_the_reminder_goes_once_within_the_reminder_hours_before_the_start(workshop):
    reminder_before = dt.timedelta(hours=settings.EVENT_REMINDER_HOURS)
    queued, output = run(START - reminder_before - dt.timedelta(minutes=1))
    assert queued == [] and "Queued 0 reminder(s)" in output
    queued, output = run(START - reminder_before)
    # The person promoted from the waiting list is among the three reminded.
    assert sorted(e.to for e in queued) == sorted(
        workshop.registrations.confirmed().values_list("email", flat=True)
    )
    assert len(queued) == 3 and "Queued 3 reminder(s)" in output
    assert {e.purpose for e in queued} == {"event_reminder"}
    assert run(START - reminder_before + dt.timedelta(hours=1))[0] == []
    assert run(START - dt.timedelta(minutes=5))[0] == []


def test_the_reminder_is_in_the_registrants_language_with_the_calendar_file(workshop):
    queued, _output = run(START - dt.timedelta(hours=2))
    swedish = next(e for e in queued if e.language == "sv")
    finnish = [e for e in queued if e.language == "fi"]
    assert len(finnish) == 2
    assert "Verkstad" in swedish.subject and "Työpaja" in finnish[0].subject
    for email in queued:
        [calendar] = email.attachments
        assert calendar["mimetype"] == "text/calendar"
        assert calendar["filename"] == "tyopaja.ics"
        assert "BEGIN:VEVENT" in calendar["content"]


def test_no_reminder_for_cancelled_or_draft_events_nor_once_started():
    cancelled = make_event(starts_at=START)
    register(cancelled)
    event_cancel(cancelled, actor=None)
    make_event(starts_at=START, publish=False)
    started = make_event(starts_at=START - dt.timedelta(hours=1))
    register(started)
    assert run(START - dt.timedelta(hours=1))[0] == []


def test_the_workshops_thank_you_goes_after_the_end_once_with_the_share_link(workshop):
    workshop.themes.set([Theme.objects.order_by("position").first()])
    assert run(END - dt.timedelta(minutes=1))[0] == []
    queued, output = run(END)
    assert len(queued) == 3 and {e.purpose for e in queued} == {"event_thanks"}
    assert "3 thank-you message(s)" in output
    from_liminka = next(e for e in queued if e.language == "fi" and "Limingan" in e.body_text)
    link = next(w for w in from_liminka.body_text.split() if "/ilmianna/" in w)
    assert link.startswith(settings.SITE_URL + "/ilmianna/?")
    assert parse_qs(urlsplit(link).query) == {
        "tapahtuma": [str(workshop.pk)],
        "organisaatio": ["Limingan kunta"],
        "teema": [Theme.objects.order_by("position").first().slug],
    }
    assert all("/ilmianna/?tapahtuma=" in e.body_text for e in queued)
    assert all(not e.attachments for e in queued)
    assert run(END + dt.timedelta(hours=1))[0] == []


def test_a_webinars_thank_you_waits_for_the_recording_and_then_carries_it():
    webinar = make_event(kind="webinar", online=True, starts_at=START)
    register(webinar)
    assert run(END + dt.timedelta(hours=1))[0] == []
    assert run(END + dt.timedelta(days=3))[0] == []
    with time_machine.travel(END + dt.timedelta(days=4), tick=False):
        event_publish_recording(
            webinar, url="https://example.com/tallenne", captioned=True, actor=None
        )
    [thanks] = run(END + dt.timedelta(days=4, hours=1))[0]
    assert "https://example.com/tallenne" in thanks.body_text
    assert "/ilmianna/" not in thanks.body_text  # only workshops ask to share
    assert run(END + dt.timedelta(days=5))[0] == []


def test_without_a_recording_a_webinar_thanks_after_fourteen_days():
    webinar = make_event(kind="webinar", online=True, starts_at=START)
    register(webinar)
    assert run(END + settings.EVENT_RECORDING_WAIT - dt.timedelta(hours=1))[0] == []
    [thanks] = run(END + settings.EVENT_RECORDING_WAIT)[0]
    assert thanks.purpose == "event_thanks" and "/ilmianna/" not in thanks.body_text


def test_no_thank_you_for_a_cancelled_event():
    event = make_event(kind="network", starts_at=START)
    register(event)
    event_cancel(event, actor=None)
    assert run(END + dt.timedelta(hours=1))[0] == []
