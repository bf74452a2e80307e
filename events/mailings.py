"""The mail that goes on its own (``manage.py send_event_mail``, hourly): the reminder
before an event and the thank-you after it, each claimed once per event so that two
runs at the same time send nothing twice."""

from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction

from . import clock
from .models import Event, EventKind, Registration
from .services import mail_registrant


def _reachable(event):
    """The confirmed registrants who still have an address: anonymised ones have none
    (if cron stopped for longer than the anonymisation period, nothing goes to "")."""
    return Registration.objects.filter(event=event).confirmed().exclude(email="")


def _claim(event_pk, field, now):
    """Mark the event's reminder or thank-you as sent, once: of two workers running at
    the same time only the one whose update changed the row sends."""
    return Event.objects.filter(pk=event_pk, **{f"{field}__isnull": True}).update(**{field: now})


def event_send_reminders(now=None):
    """The reminder a day (EVENT_REMINDER_HOURS) before, to everyone registered."""
    now = now or clock.now()
    sent = 0
    for event in Event.objects.due_for_reminder(now):
        with transaction.atomic():
            if not _claim(event.pk, "reminder_sent_at", now):
                continue
            for registration in _reachable(event):
                registration.event = event
                mail_registrant(registration, "event_reminder")
                sent += 1
            event.log_action("event.reminders_sent", data={"count": sent})
    return sent


def share_link(event, registration):
    """The share form, prefilled from a workshop (organisation, themes, the event)."""
    params = {"tapahtuma": event.pk}
    if registration.organisation_id:
        params["organisaatio"] = registration.organisation.name_fi
    theme = event.themes.order_by("position").first()
    if theme is not None:
        params["teema"] = theme.slug
    return f"{settings.SITE_URL.rstrip('/')}/ilmianna/?{urlencode(params)}"


def event_send_follow_ups(now=None):
    """After the event, a thank-you to the registrants: with the recording once it is
    published, and for workshops the prefilled link to share what they developed.
    Webinars wait for their recording (at most 14 days); other kinds go the next hour."""
    now = now or clock.now()
    sent = 0
    for event in Event.objects.due_for_follow_up(now):
        waits_for_recording = (
            event.kind == EventKind.WEBINAR
            and not event.recording_url
            and now - event.ends_at < settings.EVENT_RECORDING_WAIT
        )
        if waits_for_recording:
            continue
        with transaction.atomic():
            if not _claim(event.pk, "follow_up_sent_at", now):
                continue
            count = 0
            for registration in _reachable(event):
                registration.event = event
                link = share_link(event, registration) if event.kind == EventKind.WORKSHOP else ""
                mail_registrant(registration, "event_thanks", share_url=link)
                count += 1
            event.log_action("event.thanks_sent", data={"count": count})
            sent += count
    return sent
