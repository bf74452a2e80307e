"""The emails app's privacy contract (docs/privacy.md): the stored messages sent to an
address, kept for SUBMISSION_DRAFT_DAYS (the same period as abandoned drafts, so one
setting tells how long anything about an unfinished submission stays)."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks_db.models import DBTaskResult

from core.i18n import days
from core.redaction import Redaction

from .models import EmailStatus, MessageBody, OutgoingEmail

# MessageBody holds no personal data: the texts many recipients share, without their
# own links (those are each message's ``merge``).
MODELS = [OutgoingEmail, MessageBody]


def personal_data_export(address):
    return {
        "emails_sent": [
            {"subject": e.subject, "created_at": e.created_at.isoformat(), "status": e.status}
            for e in OutgoingEmail.objects.to_address(address)
        ]
    }


TEXTS = ("subject", "body_text", "body_html", "attachments", "last_error")


@transaction.atomic
def personal_data_erase(address, phones=()):
    """Delete the messages to the address, and blank the address and phone numbers in
    messages to others that mention them (a colleague asked to be a contact person, a
    notice to staff)."""
    deleted = OutgoingEmail.objects.to_address(address).delete()[0]
    redaction = Redaction(address, phones)
    mentioning = redaction.candidates(OutgoingEmail.objects.all(), *TEXTS)
    for email in mentioning:
        email.save(update_fields=redaction.redact(email, *TEXTS))
    counts = {"emails": deleted}
    if mentioning:
        counts["emails mentioning"] = len(mentioning)
    return counts


@transaction.atomic
def emails_prune(now=None):
    """Delete sent and failed messages written more than SUBMISSION_DRAFT_DAYS ago (a
    pending one is still due); returns the count."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.SUBMISSION_DRAFT_DAYS)
    deleted = OutgoingEmail.objects.filter(
        status__in=[EmailStatus.SENT, EmailStatus.FAILED], created_at__lt=cutoff
    ).delete()[0]
    # Shared texts no message uses any more (a newsletter issue's, once its copies went).
    MessageBody.objects.filter(created_at__lt=cutoff).exclude(
        pk__in=OutgoingEmail.objects.exclude(shared_body=None).values("shared_body")
    ).delete()
    return deleted


# Finished background tasks (mostly deliveries of these emails: their arguments are
# message ids) are kept a week for troubleshooting; django-tasks never deletes them.
TASK_RESULT_DAYS = 7


def task_results_prune(now=None):
    cutoff = (now or timezone.now()) - timedelta(days=TASK_RESULT_DAYS)
    return DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()[0]


def personal_data_prune(now=None):
    counts = {"emails": emails_prune(now)}
    # Reported only when there were some, to keep the cron log to what happened.
    if tasks := task_results_prune(now):
        counts["finished task results"] = tasks
    return counts


def notice_purposes():
    return [
        dict(
            key="email",
            title=_("Email messages"),
            description=_(
                "The service sends email only about the matter the person is involved in: "
                "confirming an address, a deed's state, consent requests and invitations."
            ),
            data=_("The recipient's address, the message and whether it was delivered."),
            legal_basis=_("The same as the purpose the message serves."),
            retention=[
                _("Sent messages are deleted %(days)s after they were written.")
                % {"days": days(settings.SUBMISSION_DRAFT_DAYS)}
            ],
        )
    ]
