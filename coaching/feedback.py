"""Anonymous feedback on a realised coaching.

``COACHING_FEEDBACK_DAYS`` after the last held session, ``send_coaching_mail`` opens
the feedback: as many one-time links as the largest session had participants (at
most ``COACHING_FEEDBACK_MAX_LINKS``), listed for the contact person on the
application's follow page to hand on. ``COACHING_FEEDBACK_REMINDER_DAYS`` later the
contact is reminded once, if links are still unused.

A link is a signed token (core/tokens.py) from its own salt; answering marks it used
with a conditional update, so the same link cannot answer twice even in two tabs at
once. The answer row has no link, no time (only the month) and no address: nothing in
the database ties an answer to a link or a person, and lists order answers by text.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Avg, Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core import clock
from core.tokens import link_token, object_by_token

from .models import Application, ApplicationStatus, FeedbackAnswer, FeedbackLink
from .services import CoachingError, _log, _mail_applicant, _move

S = ApplicationStatus
PURPOSE = "coaching-feedback"


def link_token_of(link):
    return link_token(PURPOSE, link, link.salt)


def link_by_token(token):
    return object_by_token(
        FeedbackLink.objects.select_related("application"), PURPOSE, token, lambda link: link.salt
    )


def links_of(application):
    """[(number, token, used)] for the contact person's page."""
    return [
        (link.number, link_token_of(link), link.used) for link in application.feedback_links.all()
    ]


def due_for_feedback(now=None):
    """Realised applications whose last held session was COACHING_FEEDBACK_DAYS ago."""
    now = now or clock.now()
    # The day in Helsinki: the UTC date lags it by a day after midnight.
    cutoff = timezone.localdate(now) - timedelta(days=settings.COACHING_FEEDBACK_DAYS)
    return (
        Application.objects.filter(status=S.REALISED, feedback_opened_at__isnull=True)
        .annotate(last=Max("sessions__date"))
        .filter(last__lte=cutoff)
    )


def due_for_reminder(now=None):
    now = now or clock.now()
    cutoff = now - timedelta(days=settings.COACHING_FEEDBACK_REMINDER_DAYS)
    return Application.objects.filter(
        status=S.FEEDBACK,
        feedback_reminded_at__isnull=True,
        feedback_opened_at__lte=cutoff,
        feedback_links__used=False,
    ).distinct()


@transaction.atomic
def feedback_open(application, *, actor=None):
    """Make the links and tell the contact person (also by staff, before the time)."""
    application = _move(
        application,
        [S.REALISED],
        S.FEEDBACK,
        "application.feedback_opened",
        actor=actor,
        feedback_opened_at=clock.now(),
    )
    largest = max((s.participants or 0 for s in application.sessions.filter(held=True)), default=0)
    count = max(1, min(largest, settings.COACHING_FEEDBACK_MAX_LINKS))
    FeedbackLink.objects.bulk_create(
        FeedbackLink(application=application, number=n, salt=secrets.token_hex(16))
        for n in range(1, count + 1)
    )
    _mail_applicant(application, "coaching_feedback", links=count)
    return application


@transaction.atomic
def feedback_remind(application):
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != S.FEEDBACK or application.feedback_reminded_at:
        return None
    application.feedback_reminded_at = clock.now()
    application.save(update_fields=["feedback_reminded_at"])
    _log(application, "application.feedback_reminded", None)
    unused = application.feedback_links.filter(used=False).count()
    _mail_applicant(application, "coaching_feedback_reminder", unused=unused)
    return application


def feedback_answer(token, *, score, text=""):
    """Store one answer for a link; a used, forged or closed link is refused."""
    if score not in (1, 2, 3, 4, 5):
        raise CoachingError(_("Choose a score from 1 to 5."))
    link = link_by_token(token)
    if link is None:
        raise CoachingError(_("This feedback link is not valid."))
    with transaction.atomic():
        if link.application.status != S.FEEDBACK:
            raise CoachingError(_("Feedback on this coaching is no longer collected."))
        # The conditional update is the one-answer rule: of two posts at once, one
        # changes the row and the other changes nothing.
        if not FeedbackLink.objects.filter(pk=link.pk, used=False).update(used=True):
            raise CoachingError(_("This link has already been used to answer. Thank you!"))
        today = timezone.localdate(clock.now())
        FeedbackAnswer.objects.create(
            application_id=link.application_id,
            score=score,
            text=text.strip()[:3000],
            month=today.replace(day=1),
        )
    return link.application


def feedback_summary(answers):
    """{count, mean} of a queryset of answers; the mean to one decimal or None."""
    figures = answers.aggregate(count=Count("pk"), mean=Avg("score"))
    mean = figures["mean"]
    return {"count": figures["count"], "mean": None if mean is None else round(mean, 1)}


def feedback_due_run(now=None):
    """Open the feedback that is due and send the reminders (send_coaching_mail)."""
    opened = reminded = 0
    for application in due_for_feedback(now):
        feedback_open(application)
        opened += 1
    for application in due_for_reminder(now):
        if feedback_remind(application):
            reminded += 1
    return opened, reminded
