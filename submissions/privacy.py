"""What the portal stores about one email address, and erasing it (GDPR art. 15 and 17).

Erasing keeps the deeds (they describe an organisation's work, not the person) but
removes the person's details from them, from submissions, stored emails and the
audit log. docs/privacy.md lists what is stored and for how long.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEntry
from deeds.models import Deed, DeedContact
from editors.models import Invitation
from emails.models import EmailStatus, OutgoingEmail
from feedback import privacy as feedback_privacy

from .files import file_discard
from .forms import CONTACTS
from .models import Submission, SubmissionStatus

ERASED = "poistettu"


def _contact_keys(data, address):
    """Form keys of the contact rows in ``data`` that carry this address."""
    keys = []
    for n in range(1, CONTACTS + 1):
        if str(data.get(f"contact_email_{n}", "")).lower() == address:
            keys += [f"contact_{f}_{n}" for f in ("name", "role", "email", "phone", "consent")]
    return keys


def personal_data_export(address):
    address = address.strip().lower()
    submissions = Submission.objects.filter(
        Q(email__iexact=address) | Q(data__icontains=address)
    ).order_by("pk")
    return {
        "email": address,
        "exported_at": timezone.now().isoformat(),
        "account": [
            {
                "email": u.email,
                "name": u.get_full_name(),
                "joined": u.date_joined.isoformat(),
                "editor_of": [str(e.organisation) for e in u.editorships.all()],
            }
            for u in User.objects.filter(email__iexact=address)
        ],
        "editor_invitations": [
            {"created_at": i.created_at.isoformat(), "accepted": bool(i.accepted_at)}
            for i in Invitation.objects.filter(email__iexact=address)
        ],
        "submissions": [
            {
                "id": s.pk,
                "status": s.status,
                "created_at": s.created_at.isoformat(),
                "submitter": s.email.lower() == address,
                "form_contents": s.data,
                "files": [f.original_name for f in s.files.all()],
            }
            for s in submissions
        ],
        "deeds_as_submitter": list(
            Deed.objects.filter(submitter_email__iexact=address).values_list("pk", "title")
        ),
        "contact_details": [
            {
                "deed": c.deed_id,
                "name": c.name,
                "role": c.role,
                "email": c.email,
                "phone": c.phone,
                "published": c.publish_consent,
            }
            for c in DeedContact.objects.filter(email__iexact=address)
        ],
        "emails_sent": [
            {"subject": e.subject, "created_at": e.created_at.isoformat(), "status": e.status}
            for e in OutgoingEmail.objects.to_address(address)
        ],
        "feedback": feedback_privacy.personal_data_export(address),
    }


@transaction.atomic
def personal_data_erase(address, *, actor=None):
    """Remove the person's details everywhere; returns counts of what changed."""
    address = address.strip().lower()
    counts = {}
    counts["contacts"] = DeedContact.objects.filter(email__iexact=address).delete()[0]
    counts["deeds"] = Deed.objects.filter(submitter_email__iexact=address).update(
        submitter_email=""
    )
    changed = 0
    for submission in Submission.objects.filter(
        Q(email__iexact=address) | Q(data__icontains=address)
    ):
        data = {
            k: v
            for k, v in submission.data.items()
            if k not in _contact_keys(submission.data, address)
        }
        if submission.email.lower() == address:
            data["email"] = ""
            submission.email = submission.email_verified = ""
        submission.data = data
        submission.save(update_fields=["data", "email", "email_verified", "updated_at"])
        changed += 1
    counts["submissions"] = changed
    counts["emails"] = OutgoingEmail.objects.to_address(address).delete()[0]
    counts["invitations"] = Invitation.objects.filter(email__iexact=address).delete()[0]
    counts["feedback"] = feedback_privacy.personal_data_erase(address)
    counts["audit"] = AuditEntry.objects.filter(actor_label__icontains=address).update(
        actor_label=ERASED
    )
    AuditEntry.objects.create(
        actor=actor if actor and actor.is_authenticated else None,
        actor_label=actor.get_username() if actor and actor.is_authenticated else "system",
        action="privacy.erased",
        content_type_id=_user_content_type(),
        object_id=0,
        data={k: v for k, v in counts.items()},
    )
    return counts


def _user_content_type():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(User).pk


@transaction.atomic
def submissions_prune(now=None):
    """Delete drafts nobody has touched for SUBMISSION_DRAFT_DAYS and delivered emails
    older than that; returns (drafts, emails)."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.SUBMISSION_DRAFT_DAYS)
    drafts = Submission.objects.filter(
        status__in=[SubmissionStatus.DRAFT, SubmissionStatus.UNVERIFIED], updated_at__lt=cutoff
    )
    for submission in drafts:
        for stored in submission.files.all():
            file_discard(stored)
    deleted = drafts.delete()[1].get("submissions.Submission", 0)
    emails = OutgoingEmail.objects.filter(
        status__in=[EmailStatus.SENT, EmailStatus.FAILED], created_at__lt=cutoff
    ).delete()[0]
    return deleted, emails
