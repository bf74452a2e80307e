"""manage.py send_coaching_mail (hourly from cron): the feedback opens
COACHING_FEEDBACK_DAYS after a coaching's last held session, the contact is reminded
once if links are unused, and due webhook announcements are posted."""

import datetime as dt
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command

from coaching.feedback import feedback_answer, links_of
from coaching.models import ApplicationStatus as S
from coaching.services import application_realise, session_plan, session_record
from emails.models import OutgoingEmail

from .factories import accepted, open_round

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")
FIRST, LAST = dt.date(2031, 3, 3), dt.date(2031, 3, 10)


def at(day, hour=9, minute=0):
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=HELSINKI)


def run(moment):
    """Run the command at ``moment``; the new outbox rows, and what it printed."""
    before = set(OutgoingEmail.objects.values_list("pk", flat=True))
    out = StringIO()
    with time_machine.travel(moment, tick=False):
        call_command("send_coaching_mail", stdout=out)
    return list(OutgoingEmail.objects.exclude(pk__in=before).order_by("pk")), out.getvalue()


@pytest.fixture
def coaching():
    """Realised after two sessions: 14 then 9 participants."""
    with time_machine.travel(at(FIRST, 8), tick=False):
        open_round(year=2031)
        application = accepted()
        sessions = [session_plan(application, date=day, actor=None) for day in (FIRST, LAST)]
        for session, people in zip(sessions, (14, 9), strict=True):
            session_record(
                session,
                date=session.date,
                days=Decimal("1"),
                participants=people,
                employees=people - 2,
                actor=None,
            )
    with time_machine.travel(at(LAST, 16), tick=False):
        return application_realise(application, actor=None)


def test_feedback_opens_exactly_the_set_days_after_the_last_session(coaching):
    due = LAST + dt.timedelta(days=settings.COACHING_FEEDBACK_DAYS)
    queued, output = run(at(due - dt.timedelta(days=1), 23, 59))
    assert queued == [] and "Opened feedback on 0 coaching(s)" in output
    coaching.refresh_from_db()
    assert coaching.status == S.REALISED
    # Just after midnight in Helsinki (still the day before in UTC) it is due.
    queued, output = run(at(due, 0, 5))
    assert "Opened feedback on 1 coaching(s)" in output
    assert [(e.purpose, e.to) for e in queued] == [("coaching_feedback", coaching.contact_email)]
    coaching.refresh_from_db()
    assert coaching.status == S.FEEDBACK
    # As many links as the largest held session had participants.
    assert coaching.feedback_links.count() == 14
    assert run(at(due, 1))[0] == []


def test_the_reminder_goes_once_after_the_reminder_days(coaching):
    opened = at(LAST + dt.timedelta(days=settings.COACHING_FEEDBACK_DAYS), 12)
    run(opened)
    reminder = dt.timedelta(days=settings.COACHING_FEEDBACK_REMINDER_DAYS)
    queued, output = run(opened + reminder - dt.timedelta(minutes=1))
    assert queued == [] and "sent 0 reminder(s)" in output
    queued, output = run(opened + reminder)
    assert [(e.purpose, e.to) for e in queued] == [
        ("coaching_feedback_reminder", coaching.contact_email)
    ]
    assert "sent 1 reminder(s)" in output
    assert run(opened + reminder + dt.timedelta(hours=1))[0] == []
    assert run(opened + reminder * 3)[0] == []


def test_no_reminder_when_every_link_was_used(coaching):
    opened = at(LAST + dt.timedelta(days=settings.COACHING_FEEDBACK_DAYS), 12)
    run(opened)
    coaching.refresh_from_db()
    with time_machine.travel(opened + dt.timedelta(days=1), tick=False):
        for _number, token, _used in links_of(coaching):
            feedback_answer(token, score=5)
    later = opened + dt.timedelta(days=settings.COACHING_FEEDBACK_REMINDER_DAYS + 1)
    queued, output = run(later)
    assert queued == [] and "sent 0 reminder(s)" in output


def test_a_coaching_not_yet_realised_gets_no_feedback():
    with time_machine.travel(at(FIRST, 8), tick=False):
        open_round(year=2031)
        application = accepted()
        session = session_plan(application, date=FIRST, actor=None)
        session_record(
            session, date=FIRST, days=Decimal("1"), participants=5, employees=5, actor=None
        )
    queued, output = run(at(FIRST + dt.timedelta(days=30)))
    assert queued == [] and "Opened feedback on 0 coaching(s)" in output
    application.refresh_from_db()
    assert application.status == S.SCHEDULED
