"""The audit app's privacy contract (docs/privacy.md): actor labels name submitters and
contact persons by their address ("contact person <maija@example.fi>").

Erasing replaces such labels rather than deleting the entries, because the log must
still show that something happened and when; the address and the person's phone
numbers are blanked in the entries' details and reasons too. Django admin's own log
(``LogEntry``) names objects by their text ("maija@example.fi: Vahvista
sähköpostiosoitteesi"): the same goes for its entries. The logs are kept with the
objects they describe, so there is no retention job. ``tori.personal_data`` runs this
contract last, after the other apps' erasures have written their own entries.
"""

from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q

from core.redaction import Redaction

from .models import AuditEntry

ERASED = "poistettu"

MODELS = [AuditEntry, LogEntry]


def _entries(address):
    # Labels are an account's address or "submitter <address>" / "contact person
    # <address>": matched whole, as "a@example.fi" is also the tail of "maija@example.fi".
    return AuditEntry.objects.filter(
        Q(actor_label__iexact=address) | Q(actor_label__iendswith=f"<{address}>")
    ).order_by("created_at", "pk")


ADMIN_LOG_TEXTS = ("object_repr", "change_message")


def personal_data_export(address):
    redaction = Redaction(address)
    return {
        "audit_entries": [
            {"time": e.created_at.isoformat(), "action": e.action} for e in _entries(address)
        ],
        "admin_log_entries": [
            {
                "time": e.action_time.isoformat(),
                "action": e.get_action_flag_display(),
                "object": e.object_repr,
            }
            for e in redaction.candidates(LogEntry.objects.all(), *ADMIN_LOG_TEXTS)
        ],
    }


@transaction.atomic
def personal_data_erase(address, phones=()):
    labelled = _entries(address).update(actor_label=ERASED)
    redaction = Redaction(address, phones)
    mentioning = redaction.candidates(AuditEntry.objects.all(), "data", "reason")
    for entry in mentioning:
        entry.save(update_fields=redaction.redact(entry, "data", "reason"))
    admin_log = redaction.candidates(LogEntry.objects.all(), *ADMIN_LOG_TEXTS)
    for entry in admin_log:
        entry.save(update_fields=redaction.redact(entry, *ADMIN_LOG_TEXTS))
    counts = {"audit": labelled, "admin log": len(admin_log)}
    if mentioning:
        counts["audit details"] = len(mentioning)
    return counts


def personal_data_prune(now=None):
    return {}


def notice_purposes():
    return []


def erasure_record(counts, *, actor=None):
    """The log's own entry that an erasure happened: counts only, never the address
    (filed under the user model, as no single object was erased)."""
    signed_in = actor is not None and actor.is_authenticated
    return AuditEntry.objects.create(
        actor=actor if signed_in else None,
        actor_label=actor.get_username() if signed_in else "system",
        action="privacy.erased",
        content_type_id=ContentType.objects.get_for_model(get_user_model()).pk,
        object_id=0,
        data=dict(counts),
    )
