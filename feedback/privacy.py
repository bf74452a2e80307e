"""The feedback app's privacy contract (docs/privacy.md): messages with the sender's
optional address, kept FEEDBACK_RETENTION_DAYS (the privacy notice shows the same
figure)."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.redaction import Redaction

from .models import Feedback

MODELS = [Feedback]


def personal_data_export(address):
    return {
        "feedback": [
            {
                "received": f.created_at.isoformat(),
                "topic": f.topic,
                "message": f.message,
                "page": f.page,
                "handled": f.is_handled,
            }
            for f in Feedback.objects.from_address(address)
        ]
    }


@transaction.atomic
def personal_data_erase(address, phones=()):
    """Delete the person's messages (the text may name them as well as the address),
    and blank the address and phone numbers in others' messages that mention them."""
    deleted = Feedback.objects.from_address(address).delete()[0]
    redaction = Redaction(address, phones)
    mentioning = redaction.candidates(Feedback.objects.all(), "message", "page")
    for feedback in mentioning:
        feedback.save(update_fields=redaction.redact(feedback, "message", "page"))
    counts = {"feedback": deleted}
    if mentioning:
        counts["feedback mentioning"] = len(mentioning)
    return counts


def feedback_prune(now=None):
    """Delete feedback received more than FEEDBACK_RETENTION_DAYS ago; returns the count."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.FEEDBACK_RETENTION_DAYS)
    return Feedback.objects.filter(created_at__lt=cutoff).delete()[0]


def personal_data_prune(now=None):
    return {"feedback": feedback_prune(now)}


def notice_purposes():
    n = settings.FEEDBACK_RETENTION_DAYS
    return [
        dict(
            key="feedback",
            title=_("Feedback"),
            description=_(
                "We read feedback sent with the feedback form, correct what it points out and "
                "answer if the sender gave an email address."
            ),
            data=_(
                "The topic, the message, the page it concerns and, if given, the email "
                "address for a reply."
            ),
            legal_basis=_(
                "Legitimate interest (GDPR art. 6(1)(f)); for accessibility feedback, the "
                "legal obligation of the Act on the Provision of Digital Services (306/2019) "
                "to answer it (art. 6(1)(c))."
            ),
            retention=[
                ngettext(
                    "Feedback, with the email address, is deleted %(n)s day after it arrives.",
                    "Feedback, with the email address, is deleted %(n)s days after it arrives.",
                    n,
                )
                % {"n": n}
            ],
        )
    ]
