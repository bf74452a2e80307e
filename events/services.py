"""State changes of events and registrations (STYLE.md: ``<noun>_<verb>``).

Capacity and the waiting list: every change that can confirm someone locks the event's
row first (``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite every write transaction is
``BEGIN IMMEDIATE``, which serialises them). Under that lock the service counts the
confirmed registrations and decides, so two people can never take the last place, a
cancellation promotes exactly the first person waiting (by the time they joined the
list, then id) and nobody is promoted twice. Emails go through the outbox in the same
transaction, so a promotion and its message commit together.
"""

import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from core.tokens import link_token
from emails.services import email_queue

from . import clock
from .ics import event_ics, ics_filename
from .models import (
    ACTIVE,
    Event,
    EventStatus,
    Message,
    Registration,
    RegistrationStatus,
)

LINK_PURPOSE = "event-registration"


class EventError(Exception):
    """The event or registration is not in a state for this change."""


def registration_token(registration):
    return link_token(LINK_PURPOSE, registration, registration.link_salt)


def _locked(event):
    return Event.objects.select_for_update().get(pk=event.pk)


def mail_registrant(registration, template, **context):
    """Queue one email to a registrant, in their language, with the calendar file."""
    if not clock.mail_on():
        return
    event = registration.event
    attachments = ()
    if template in ("event_registered", "event_promoted", "event_reminder"):
        attachments = [(ics_filename(event), _ics_for(registration), "text/calendar")]
    email_queue(
        to=registration.email,
        template=template,
        context={
            "registration": registration,
            "event": event,
            "token": registration_token(registration),
            **context,
        },
        language=registration.language,
        attachments=attachments,
        secrets=[registration_token(registration)],
    )


def _ics_for(registration):
    # Confirmed registrants get the stream link; people waiting do not, yet.
    stream = (
        registration.event.stream_url
        if registration.status == RegistrationStatus.CONFIRMED
        else None
    )
    return event_ics(registration.event, stream_url=stream or None)


# --- Registrations -------------------------------------------------------------------


def _confirmed_count(event):
    return Registration.objects.filter(event=event).confirmed().count()


def _has_room(event):
    return event.capacity is None or _confirmed_count(event) < event.capacity


def _note_waitlist_peak(event):
    waiting = Registration.objects.filter(event=event).waitlisted().count()
    if waiting > event.waitlist_peak:
        event.waitlist_peak = waiting
        event.save(update_fields=["waitlist_peak", "updated_at"])


def _promote(event, *, actor=None):
    """Confirm people from the head of the waiting list while there is room."""
    promoted = []
    while _has_room(event):
        first = (
            Registration.objects.select_for_update()
            .filter(event=event)
            .waitlisted()
            .in_queue_order()
            .first()
        )
        if first is None:
            break
        first.status = RegistrationStatus.CONFIRMED
        first.confirmed_at = clock.now()
        first.save(update_fields=["status", "confirmed_at"])
        first.event = event
        event.log_action(
            "event.registration_promoted",
            actor=actor,
            actor_label="" if actor else "system",
            data={"registration": first.pk},
        )
        mail_registrant(first, "event_promoted")
        promoted.append(first)
    return promoted


def registration_create(
    event,
    *,
    name,
    email,
    role,
    language,
    consent_version,
    organisation=None,
    organisation_name="",
    accessibility_needs="",
    diet="",
):
    """Register someone, or put them on the waiting list when the event is full.

    Returns ``(registration, created)``. The same address registering again for the
    same event (a double click, a repeated post, a second tab) gets the registration it
    already has, and its link is sent again; nothing new is stored.
    """
    email = email.strip()
    try:
        with transaction.atomic():
            event = _locked(event)
            state = event.registration_state()
            if state != "open":
                raise EventError(registration_closed_reason(state))
            existing = (
                Registration.objects.filter(event=event, status__in=ACTIVE)
                .for_address(email)
                .first()
            )
            if existing is not None:
                existing.event = event
                mail_registrant(existing, "event_registration_again")
                return existing, False
            now = clock.now()
            room = _has_room(event)
            registration = Registration.objects.create(
                event=event,
                status=RegistrationStatus.CONFIRMED if room else RegistrationStatus.WAITLISTED,
                name=name,
                email=email,
                organisation=organisation,
                organisation_name="" if organisation else organisation_name,
                role=role,
                language=language,
                accessibility_needs=accessibility_needs,
                diet=diet if not event.online else "",
                consent_version=consent_version,
                link_salt=secrets.token_hex(16),
                confirmed_at=now if room else None,
                waitlisted_at=None if room else now,
                created_at=now,
            )
            registration.event = event
            # The person is not an account holder: the log names the registration, not
            # them, so erasing their data leaves nothing behind in the log.
            event.log_action(
                "event.registered" if room else "event.waitlisted",
                actor_label="public",
                data={"registration": registration.pk},
            )
            if not room:
                _note_waitlist_peak(event)
            mail_registrant(registration, "event_registered" if room else "event_waitlisted")
            return registration, True
    except IntegrityError:
        # Two posts raced past the check above on different connections; the unique
        # constraint let one in. Hand back that one.
        existing = (
            Registration.objects.filter(event=event, status__in=ACTIVE).for_address(email).first()
        )
        if existing is None:
            raise
        return existing, False


def registration_closed_reason(state):
    return {
        "not_yet": _("Registration has not opened yet."),
        "closed": _("Registration for this event has closed."),
        "past": _("This event is over."),
        "cancelled": _("This event has been cancelled."),
        "draft": _("This event is not open for registration."),
    }.get(state, _("This event is not open for registration."))


EDITABLE = ("name", "organisation", "organisation_name", "role", "language")
EDITABLE_NEEDS = ("accessibility_needs", "diet")


@transaction.atomic
def registration_change(registration, *, actor=None, **changes):
    """Change the registrant's own details (not the status) through their link or by
    staff. The address is not changeable: a new address is a new registration."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status not in ACTIVE or registration.anonymised_at:
        raise EventError(_("This registration can no longer be changed."))
    unknown = set(changes) - {*EDITABLE, *EDITABLE_NEEDS}
    if unknown:
        raise ValueError(f"Not changeable: {sorted(unknown)}")
    if "organisation" in changes and changes["organisation"] is not None:
        changes["organisation_name"] = ""
    changed = [key for key, value in changes.items() if getattr(registration, key) != value]
    for key in changed:
        setattr(registration, key, changes[key])
    if changed:
        registration.save(update_fields=[k for k in changed])
        registration.event.log_action(
            "event.registration_changed",
            actor=actor,
            actor_label="" if actor else "registrant",
            data={"registration": registration.pk, "fields": sorted(changed)},
        )
    return registration


@transaction.atomic
def registration_cancel(registration, *, actor=None, notify=True):
    """Cancel a registration or leave the waiting list; with an ``actor`` it is staff
    who cancel. A freed place goes to the first person waiting, in this transaction.
    ``notify=False`` when the person asked for their data to be erased."""
    event = _locked(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status not in ACTIVE:
        raise EventError(_("This registration is already cancelled."))
    was_confirmed = registration.status == RegistrationStatus.CONFIRMED
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = clock.now()
    registration.cancelled_by_staff = actor is not None
    registration.save(update_fields=["status", "cancelled_at", "cancelled_by_staff"])
    registration.event = event
    event.log_action(
        "event.registration_cancelled" if was_confirmed else "event.waitlist_left",
        actor=actor,
        actor_label="" if actor else "registrant",
        data={"registration": registration.pk},
    )
    if notify:
        mail_registrant(
            registration,
            "event_registration_cancelled",
            by_staff=actor is not None,
            was_confirmed=was_confirmed,
        )
    promoted = _promote(event, actor=actor) if was_confirmed and not event.is_past() else []
    return registration, promoted


@transaction.atomic
def registration_mark_attendance(registration, *, attended, actor):
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegistrationStatus.CONFIRMED:
        raise EventError(_("Only registered people can be marked as attending."))
    if registration.event.starts_at > clock.now() + settings.EVENT_ATTENDANCE_EARLY:
        raise EventError(_("Attendance can be marked from the day of the event."))
    if registration.attended is not attended:
        registration.attended = attended
        registration.save(update_fields=["attended"])
        registration.event.log_action(
            "event.attendance_marked",
            actor=actor,
            data={"registration": registration.pk, "attended": attended},
        )
    return registration


# --- Events --------------------------------------------------------------------------


@transaction.atomic
def event_create(*, actor, themes=(), sectors=(), deeds=(), **fields):
    event = Event(**fields)
    event.full_clean()
    event.save()
    event.themes.set(themes)
    event.sectors.set(sectors)
    event.deeds.set(deeds)
    event.log_action("event.created", actor=actor)
    return event


@transaction.atomic
def event_change(event, *, actor, themes=None, sectors=None, deeds=None, **fields):
    """Change an event's details. A larger capacity promotes people waiting; a capacity
    below the number already registered is refused (nobody is un-registered)."""
    event = _locked(event)
    if event.is_cancelled:
        raise EventError(_("A cancelled event cannot be changed."))
    if "capacity" in fields and fields["capacity"] is not None:
        confirmed = _confirmed_count(event)
        if fields["capacity"] < confirmed:
            raise EventError(
                _("%(count)s people are already registered: the capacity cannot be smaller.")
                % {"count": confirmed}
            )
    changed = sorted(key for key, value in fields.items() if getattr(event, key) != value)
    for key in changed:
        setattr(event, key, fields[key])
    event.full_clean()
    event.save()
    for name, values in (("themes", themes), ("sectors", sectors), ("deeds", deeds)):
        if values is not None:
            getattr(event, name).set(values)
    event.log_action("event.changed", actor=actor, data={"fields": changed})
    promoted = _promote(event, actor=actor) if "capacity" in changed else []
    return event, promoted


@transaction.atomic
def event_publish(event, *, actor):
    event = _locked(event)
    if event.status != EventStatus.DRAFT:
        raise EventError(_("Only a draft can be published."))
    event.status = EventStatus.PUBLISHED
    event.save(update_fields=["status", "updated_at"])
    event.log_action("event.published", actor=actor)
    return event


@transaction.atomic
def event_set_registration_open(event, *, open, actor):
    """Close registration early, or open it again."""
    event = _locked(event)
    if event.status != EventStatus.PUBLISHED:
        raise EventError(_("Registration can be opened or closed only for a published event."))
    if event.registration_closed == (not open):
        raise EventError(
            _("Registration is already open.") if open else _("Registration is already closed.")
        )
    event.registration_closed = not open
    event.save(update_fields=["registration_closed", "updated_at"])
    event.log_action(
        "event.registration_opened" if open else "event.registration_closed", actor=actor
    )
    if open:
        _promote(event, actor=actor)
    return event


@transaction.atomic
def event_cancel(event, *, actor, reason=""):
    """Cancel the event: every registrant and everyone waiting is told."""
    event = _locked(event)
    if event.status == EventStatus.CANCELLED:
        raise EventError(_("The event is already cancelled."))
    if event.is_past():
        raise EventError(_("An event that is over cannot be cancelled."))
    event.status = EventStatus.CANCELLED
    event.cancelled_at = clock.now()
    event.save(update_fields=["status", "cancelled_at", "updated_at"])
    event.log_action("event.cancelled", actor=actor, reason=reason)
    for registration in Registration.objects.filter(event=event, status__in=ACTIVE):
        registration.event = event
        mail_registrant(registration, "event_cancelled", reason=reason)
    return event


@transaction.atomic
def event_publish_recording(event, *, url, captioned, actor):
    """Publish the recording (or replace its address). Finnish law (laki digitaalisten
    palvelujen tarjoamisesta 306/2019, 10 §) requires a recording to be made accessible
    — captioned — within 14 days of publication; staff see the deadline."""
    event = _locked(event)
    if event.status != EventStatus.PUBLISHED:
        raise EventError(_("A recording can be published only for a published event."))
    if not event.is_past():
        raise EventError(_("The recording can be published once the event is over."))
    event.recording_url = url
    event.recording_captioned = captioned
    if event.recording_published_at is None:
        event.recording_published_at = clock.now()
    event.save(
        update_fields=[
            "recording_url",
            "recording_captioned",
            "recording_published_at",
            "updated_at",
        ]
    )
    event.log_action("event.recording_published", actor=actor, data={"captioned": captioned})
    return event


@transaction.atomic
def message_send(event, *, subject, body, include_waitlist, actor):
    """Email a message from staff to everyone registered (and optionally waiting)."""
    event = _locked(event)
    if event.is_cancelled:
        raise EventError(_("The event is cancelled; its registrants have been told."))
    statuses = ACTIVE if include_waitlist else (RegistrationStatus.CONFIRMED,)
    recipients = list(Registration.objects.filter(event=event, status__in=statuses))
    message = Message.objects.create(
        event=event,
        subject=subject,
        body=body,
        include_waitlist=include_waitlist,
        recipients=len(recipients),
        sent_by=actor,
    )
    for registration in recipients:
        registration.event = event
        mail_registrant(registration, "event_message", message=message)
    message.log_action("event.message_sent", actor=actor, data={"recipients": len(recipients)})
    return message
