"""The submissions app's privacy contract (docs/privacy.md): what the share form stores
about a sender and the contact persons they name, and the drafts' retention.

Erasing removes the person's contact rows and, for the sender, the address from each
submission's form contents, and the address and the person's phone numbers wherever
they were typed into its texts or the message to the sender; the submission itself
stays as the deed's history.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.i18n import days
from core.redaction import Redaction

from .files import file_discard
from .forms import CONTACTS
from .models import OrganisationRequest, Submission, SubmissionFile, SubmissionStatus

# An OrganisationRequest names an organisation, not a person; it is listed because it
# belongs to a submission and goes with it.
MODELS = [Submission, SubmissionFile, OrganisationRequest]


def _contact_keys(data, address):
    """Form keys of the contact rows in ``data`` that carry this address."""
    keys = []
    for n in range(1, CONTACTS + 1):
        if str(data.get(f"contact_email_{n}", "")).lower() == address:
            keys += [f"contact_{f}_{n}" for f in ("name", "role", "email", "phone", "consent")]
    return keys


# Characters that may stand before "@" in an address: a match preceded by one of them is
# the tail of a longer address ("a@example.fi" in "maija@example.fi"), someone else's.
LOCAL_PART = r"[\w.!#$%&'*+/=?^`{|}~-]"


def _mentions(value, pattern):
    if isinstance(value, str):
        return bool(pattern.search(value))
    if isinstance(value, list):
        return any(_mentions(item, pattern) for item in value)
    return False


def _submissions(address):
    """The submissions that hold the address: as the sender's, or anywhere in the form
    contents (a contact row, or typed into a text) as a whole address."""
    pattern = re.compile(rf"(?<!{LOCAL_PART}){re.escape(address)}(?![\w-]|\.\w)", re.IGNORECASE)
    candidates = Submission.objects.filter(
        Q(email__iexact=address) | Q(email_verified__iexact=address) | Q(data__icontains=address)
    ).order_by("pk")
    return [
        s
        for s in candidates
        if address in (s.email.lower(), s.email_verified.lower())
        or any(_mentions(value, pattern) for value in s.data.values())
    ]


def personal_data_export(address):
    return {
        "submissions": [
            {
                "id": s.pk,
                "status": s.status,
                "created_at": s.created_at.isoformat(),
                "submitter": s.email.lower() == address,
                "form_contents": s.data,
                "files": [f.original_name for f in s.files.all()],
            }
            for s in _submissions(address)
        ]
    }


def personal_data_phones(address):
    """The phone numbers of the contact rows that carry the address."""
    return [
        str(submission.data.get(key.replace("_email_", "_phone_"), ""))
        for submission in _submissions(address)
        for key in _contact_keys(submission.data, address)
        if key.startswith("contact_email_")
    ]


@transaction.atomic
def personal_data_erase(address, phones=()):
    redaction = Redaction(address, phones)
    found = {s.pk: s for s in _submissions(address)}
    for submission in redaction.candidates(Submission.objects.all(), "data", "message"):
        found.setdefault(submission.pk, submission)
    for submission in found.values():
        data = {
            k: v
            for k, v in submission.data.items()
            if k not in _contact_keys(submission.data, address)
        }
        if submission.email.lower() == address:
            data["email"] = ""
            submission.email = submission.email_verified = ""
        if submission.email_verified.lower() == address:
            submission.email_verified = ""
        submission.data = redaction.text(data)
        submission.message = redaction.text(submission.message)
        submission.save(update_fields=["data", "message", "email", "email_verified", "updated_at"])
    for stored in redaction.candidates(SubmissionFile.objects.all(), "alt_text"):
        stored.save(update_fields=redaction.redact(stored, "alt_text"))
    return {"submissions": len(found)}


@transaction.atomic
def submissions_prune(now=None):
    """Delete drafts (and submissions whose sender never confirmed the address) nobody
    has touched for SUBMISSION_DRAFT_DAYS, with their files; returns the count."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.SUBMISSION_DRAFT_DAYS)
    drafts = Submission.objects.filter(
        status__in=[SubmissionStatus.DRAFT, SubmissionStatus.UNVERIFIED], updated_at__lt=cutoff
    )
    for submission in drafts:
        for stored in submission.files.all():
            file_discard(stored)
    return drafts.delete()[1].get("submissions.Submission", 0)


def personal_data_prune(now=None):
    return {"drafts": submissions_prune(now)}


def notice_purposes():
    return [
        dict(
            key="deeds",
            title=_("Sharing a deed"),
            description=_(
                "We receive, check and publish descriptions of development work that people "
                "share with the form, and send the sender messages about their deed."
            ),
            data=_(
                "The sender's email address, what they write in the form, images and "
                "attachments, and the deed's history of changes."
            ),
            legal_basis=_(
                "Legitimate interest (GDPR art. 6(1)(f)): the programme's task of collecting "
                "and sharing municipal-sector development work."
            ),
            retention=[
                _(
                    "Drafts and deeds whose sender never confirmed their email address are "
                    "deleted when nobody has touched them for %(days)s."
                )
                % {"days": days(settings.SUBMISSION_DRAFT_DAYS)},
                _(
                    "The sender's email address is kept with a published deed so that the "
                    "sender can edit it, until the deed is removed or the sender asks for "
                    "erasure."
                ),
            ],
        )
    ]
