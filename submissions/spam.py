"""Spam checks for the public forms, without third-party CAPTCHAs.

A honeypot field people never see and a minimum time between opening the form and
first saving it (both core/formguard.py, which the event registration form shares),
and per-address rate limits (core.ratelimit). What is stored for staff is a count per
day of the posts these stopped.
"""

from django.db.models import F
from django.utils import timezone

from core.formguard import spam_reason, started_token

from .models import BlockedAttempt

__all__ = ["blocked_record", "spam_reason", "started_token"]


def blocked_record(reason):
    today = timezone.localdate()
    updated = BlockedAttempt.objects.filter(day=today, reason=reason).update(count=F("count") + 1)
    if not updated:
        _, created = BlockedAttempt.objects.get_or_create(
            day=today, reason=reason, defaults={"count": 1}
        )
        if not created:
            BlockedAttempt.objects.filter(day=today, reason=reason).update(count=F("count") + 1)
