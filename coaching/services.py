"""State changes of coaching applications and their sessions (STYLE.md:
``<noun>_<verb>``).

```
draft ─submit─> received ─assess─> assessing ─accept─> accepted ─plan─> scheduled
                   │                   │                               │ record sessions
                   └──── decline ──────┴─> declined                    ▼
received, assessing, accepted, scheduled ─withdraw─> withdrawn      realised
                                  feedback_open (N days after the last session)│
                                                                               ▼
                                           closed <─close─ feedback (or realised)
```

Each change locks the application's row, checks the state, writes an audit entry,
queues its emails for after the commit in the recipient's language and announces itself
to the CRM webhook (coaching/webhooks.py). Accepting locks the round's row too, so two
staff granting the last days at once cannot both pass the budget.
"""

import secrets
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from core import clock
from core.tokens import link_token, object_by_token
from emails.services import email_queue

from .models import (
    GRANTED,
    WITHDRAWABLE,
    Application,
    ApplicationStatus,
    Author,
    Message,
    Note,
    Round,
    Session,
)
from .webhooks import announce

S = ApplicationStatus
LINK_PURPOSE = "coaching-application"
MAX_SESSION_DAYS = Decimal("5")


class CoachingError(Exception):
    """The change is not possible in the application's state; the message says why."""


def new_form_key():
    return secrets.token_urlsafe(24)


def application_token(application):
    return link_token(LINK_PURPOSE, application, application.link_salt)


def application_by_token(token):
    """The sent application a follow link opens, or None for anything forged; an
    anonymised application's links open nothing (its salt is gone)."""
    applications = Application.objects.sent().filter(anonymised_at=None)
    return object_by_token(applications, LINK_PURPOSE, token, lambda a: a.link_salt)


def follow_url(application):
    with translation.override(application.language):
        path = reverse("coaching:follow", kwargs={"token": application_token(application)})
    return settings.SITE_URL.rstrip("/") + path


def _staff_url(application):
    path = reverse("coaching_staff:application", kwargs={"pk": application.pk})
    return settings.SITE_URL.rstrip("/") + path


def _mail_applicant(application, template, **context):
    if not clock.mail_on() or not application.contact_email:
        return
    token = application_token(application)
    email_queue(
        to=application.contact_email,
        template=template,
        context={"application": application, "follow_url": follow_url(application), **context},
        language=application.language,
        secrets=[token],
    )


def _mail_expert(application, template, **context):
    expert = application.expert
    if not clock.mail_on() or expert is None:
        return
    email_queue(
        to=expert.email,
        template=template,
        context={
            "application": application,
            "expert": expert,
            "staff_url": _staff_url(application),
            **context,
        },
        language=expert.language,
    )


def _mail_staff(application, template, **context):
    if not clock.mail_on() or not settings.COACHING_STAFF_EMAIL:
        return
    email_queue(
        to=settings.COACHING_STAFF_EMAIL,
        template=template,
        context={"application": application, "staff_url": _staff_url(application), **context},
        language=settings.LANGUAGE_CODE,
    )


def _locked(application):
    return Application.objects.select_for_update().get(pk=application.pk)


def _refuse(application, allowed):
    if application.status not in allowed:
        raise CoachingError(
            _("This cannot be done to an application that is “%(status)s”.")
            % {"status": application.get_status_display()}
        )


def _log(application, action, actor, *, data=None, reason="", actor_label=""):
    application.log_action(action, actor=actor, data=data, reason=reason, actor_label=actor_label)
    announce(action, application)


def _move(
    application, allowed, to, action, *, actor, data=None, reason="", actor_label="", **fields
):
    """Lock, check the state, change it with ``fields``, log and announce."""
    application = _locked(application)
    _refuse(application, allowed)
    previous = application.status
    application.status = to
    for name, value in fields.items():
        setattr(application, name, value)
    application.updated_at = clock.now()
    application.save()
    _log(
        application,
        action,
        actor,
        data={"from": previous, "to": to, **(data or {})},
        reason=reason,
        actor_label=actor_label,
    )
    return application


# --- The applicant -------------------------------------------------------------------


@transaction.atomic
def application_save(application, *, fields, themes, form_key=None):
    """Create or update a draft from the form's cleaned values; every press of the form
    keeps what was typed, like the share form's drafts."""
    if application is None:
        application = Application(
            form_key=form_key or new_form_key(), link_salt=secrets.token_hex(16)
        )
    else:
        application = _locked(application)
        _refuse(application, [S.DRAFT])
    for name, value in fields.items():
        setattr(application, name, value)
    application.updated_at = clock.now()
    application.save()
    application.themes.set(themes)
    return application


@transaction.atomic
def application_submit(application, *, consent_version):
    """Send a draft: it joins the round open today and the applicant gets the follow
    link. The form has checked the fields; this checks what the state needs."""
    application = _locked(application)
    _refuse(application, [S.DRAFT])
    now = clock.now()
    round_ = Round.objects.open_on(timezone.localdate(now)).first()
    if round_ is None:
        raise CoachingError(_("Coaching applications are not being taken at the moment."))
    if not application.contact_email or not (
        application.organisation_id or application.organisation_name
    ):
        raise CoachingError(_("The application needs an organisation and a contact address."))
    application = _move(
        application,
        [S.DRAFT],
        S.RECEIVED,
        "application.submitted",
        actor=None,
        actor_label="applicant",
        round=round_,
        consent_version=consent_version,
        submitted_at=now,
    )
    _mail_applicant(application, "coaching_received")
    _mail_staff(application, "coaching_new")
    return application


@transaction.atomic
def application_withdraw(application, *, actor=None, reason="", notify=True):
    """The applicant (through the follow link, ``actor`` None) or staff withdraw an
    application that has not been realised."""
    application = _move(
        application,
        WITHDRAWABLE,
        S.WITHDRAWN,
        "application.withdrawn",
        actor=actor,
        actor_label="" if actor else "applicant",
        reason=reason,
        decided_at=clock.now(),
    )
    application.sessions.filter(held=False).delete()
    if notify:
        _mail_applicant(application, "coaching_withdrawn", reason=reason)
    _mail_expert(application, "coaching_expert_withdrawn")
    return application


# --- Staff's decisions ---------------------------------------------------------------


@transaction.atomic
def application_assess(application, *, actor):
    return _move(application, [S.RECEIVED], S.ASSESSING, "application.assessing", actor=actor)


def days_text(value):
    """A number of days as the page's language writes it: 10, 2,5 (Finnish)."""
    return formats.localize(value if value % 1 else int(value))


def round_room(round_):
    """Days of the budget not yet granted (negative after an override)."""
    return round_.budget_days - round_.days_granted()


@transaction.atomic
def application_accept(application, *, days, expert, actor, override=False, reason=""):
    """Grant days and assign an expert. Past the round's budget only with ``override``
    and a reason, which the audit log keeps."""
    if days is None or days <= 0:
        raise CoachingError(_("Grant at least half a day."))
    if expert is None:
        raise CoachingError(_("Choose the expert."))
    application = _locked(application)
    _refuse(application, [S.RECEIVED, S.ASSESSING])
    round_ = Round.objects.select_for_update().get(pk=application.round_id)
    room = round_room(round_)
    over = days > room
    if over and not override:
        raise CoachingError(
            _(
                "Granting %(days)s days would go past the round's budget: %(room)s of "
                "%(budget)s days are left. Tick the override and give a reason to grant "
                "them anyway."
            )
            % {
                "days": days_text(days),
                "room": days_text(room),
                "budget": days_text(round_.budget_days),
            }
        )
    if over and not reason.strip():
        raise CoachingError(_("Give a reason for granting past the budget."))
    application = _move(
        application,
        [S.RECEIVED, S.ASSESSING],
        S.ACCEPTED,
        "application.accepted",
        actor=actor,
        data={"days": str(days), "expert": expert.pk, "over_budget": over},
        reason=reason if over else "",
        days_granted=days,
        expert=expert,
        budget_override=over,
        decided_at=clock.now(),
    )
    _mail_applicant(application, "coaching_accepted")
    _mail_expert(application, "coaching_expert_assigned")
    return application


@transaction.atomic
def application_decline(application, *, reason, actor):
    if not reason.strip():
        raise CoachingError(_("Give the reason: the applicant is told it."))
    application = _move(
        application,
        [S.RECEIVED, S.ASSESSING],
        S.DECLINED,
        "application.declined",
        actor=actor,
        reason=reason,
        decline_reason=reason.strip(),
        decided_at=clock.now(),
    )
    _mail_applicant(application, "coaching_declined", reason=application.decline_reason)
    return application


@transaction.atomic
def application_expert_change(application, *, expert, actor):
    """Hand an accepted application to another expert; both are told."""
    application = _locked(application)
    _refuse(application, [S.ACCEPTED, S.SCHEDULED])
    if expert is None or expert.pk == application.expert_id:
        raise CoachingError(_("Choose another expert."))
    _mail_expert(application, "coaching_expert_withdrawn")
    previous = application.expert_id
    application.expert = expert
    application.save(update_fields=["expert"])
    _log(application, "application.expert_changed", actor, data={"from": previous, "to": expert.pk})
    _mail_expert(application, "coaching_expert_assigned")
    return application


# --- Sessions (staff or the assigned expert) -----------------------------------------


def _check_date(date):
    if date is None:
        raise CoachingError(_("Give the date."))


@transaction.atomic
def session_plan(application, *, date, actor):
    """Add a planned session; the first one makes the application scheduled. The
    applicant is told the dates."""
    _check_date(date)
    application = _locked(application)
    _refuse(application, [S.ACCEPTED, S.SCHEDULED])
    session = Session.objects.create(application=application, date=date)
    session.log_action("session.planned", actor=actor, data={"date": date.isoformat()})
    if application.status == S.ACCEPTED:
        application = _move(
            application, [S.ACCEPTED], S.SCHEDULED, "application.scheduled", actor=actor
        )
    else:
        _log(application, "application.session_planned", actor, data={"date": date.isoformat()})
    _mail_applicant(
        application, "coaching_scheduled", sessions=list(application.sessions.order_by("date"))
    )
    return session


def _locked_session(session):
    session = Session.objects.select_for_update().select_related("application").get(pk=session.pk)
    _refuse(_locked(session.application), [S.SCHEDULED])
    return session


@transaction.atomic
def session_remove(session, *, actor):
    """Drop a planned session that will not be held."""
    session = _locked_session(session)
    if session.held:
        raise CoachingError(_("A session that has been held cannot be removed."))
    session.application.log_action(
        "session.removed", actor=actor, data={"date": session.date.isoformat()}
    )
    session.delete()


@transaction.atomic
def session_record(session, *, date, days, participants, employees, actor):
    """Record a session as held: the date, the days used and who took part."""
    _check_date(date)
    if days is None or not (Decimal("0") < days <= MAX_SESSION_DAYS):
        raise CoachingError(_("Days used must be more than 0 and at most 5."))
    if participants is None or participants < 1:
        raise CoachingError(_("Give the number of participants."))
    if employees is None or employees > participants:
        raise CoachingError(_("Employees are some of the participants: at most as many."))
    session = _locked_session(session)
    was_held = session.held
    session.date, session.days = date, days
    session.participants, session.employees = participants, employees
    session.held, session.recorded_at = True, clock.now()
    session.save()
    session.log_action(
        "session.corrected" if was_held else "session.recorded",
        actor=actor,
        data={
            "date": date.isoformat(),
            "days": str(days),
            "participants": participants,
            "employees": employees,
        },
    )
    return session


@transaction.atomic
def application_realise(application, *, actor):
    """Mark the coaching done: every planned session is held (or removed)."""
    application = _locked(application)
    _refuse(application, [S.SCHEDULED])
    sessions = list(application.sessions.all())
    if not any(s.held for s in sessions):
        raise CoachingError(_("Record at least one held session first."))
    if any(not s.held for s in sessions):
        raise CoachingError(_("Record or remove the planned sessions first."))
    return _move(
        application,
        [S.SCHEDULED],
        S.REALISED,
        "application.realised",
        actor=actor,
        realised_at=clock.now(),
    )


@transaction.atomic
def application_close(application, *, actor):
    """Close a realised application (feedback collected or not). The contact gets the
    share form prefilled with the organisation and the coaching, so the deed that came
    out of it records where it came from."""
    application = _move(
        application,
        [S.REALISED, S.FEEDBACK],
        S.CLOSED,
        "application.closed",
        actor=actor,
        closed_at=clock.now(),
    )
    from .sharing import share_url

    _mail_applicant(application, "coaching_closed", share_url=share_url(application))
    return application


@transaction.atomic
def application_deed_record(application, deed, *, actor=None):
    """Record that a deed came out of this coaching (the share form's draft named it,
    or staff linked it)."""
    application = _locked(application)
    _refuse(application, GRANTED)
    if application.deeds.filter(pk=deed.pk).exists():
        return application
    application.deeds.add(deed)
    _log(application, "application.deed_recorded", actor, data={"deed": deed.pk})
    return application


# --- Messages and notes --------------------------------------------------------------


@transaction.atomic
def message_send(application, *, author, body, user=None):
    """A question from the programme team (or the expert) to the applicant, or the
    applicant's answer. The other side is emailed."""
    body = body.strip()
    if not body:
        raise CoachingError(_("Write the message."))
    application = _locked(application)
    _refuse(application, [s for s in S.values if s != S.DRAFT])
    if author == Author.APPLICANT and application.anonymised_at:
        raise CoachingError(_("This application is closed for messages."))
    message = Message.objects.create(
        application=application, author=author, author_user=user, body=body
    )
    application.log_action(
        "application.message",
        actor=user,
        data={"author": author},
        # Only the applicant writes without an account (staff's messages from the
        # demo or a script have no user, and are not the applicant's).
        actor_label="applicant" if author == Author.APPLICANT and user is None else "",
    )
    if author == Author.APPLICANT:
        _mail_staff(application, "coaching_reply", message=message)
        _mail_expert(application, "coaching_reply", message=message)
    else:
        _mail_applicant(application, "coaching_message", message=message)
    return message


@transaction.atomic
def note_add(application, *, body, user):
    body = body.strip()
    if not body:
        raise CoachingError(_("Write the note."))
    note = Note.objects.create(application=application, author_user=user, body=body)
    application.log_action("application.note", actor=user)
    return note
