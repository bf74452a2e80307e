"""Spam checks for the public form, without third-party CAPTCHAs.

A honeypot field people never see, a minimum time between opening the form and
first saving it, and per-address rate limits (core.ratelimit). What is stored for
staff is a count per day.
"""

import time

from django.conf import settings
from django.core import signing
from django.db.models import F
from django.utils import timezone

from .forms import HONEYPOT
from .models import BlockedAttempt

SALT = "submissions.form-started"


def started_token():
    return signing.dumps(int(time.time()), salt=SALT)


def spam_reason(post, *, first_save):
    """Why this post looks automated, or None."""
    if post.get(HONEYPOT):
        return "honeypot"
    if first_save:
        try:
            started = signing.loads(post.get("started", ""), salt=SALT, max_age=7 * 24 * 3600)
        except signing.BadSignature:
            return "no_timestamp"
        if time.time() - started < settings.SUBMISSION_MIN_FILL_SECONDS:
            return "too_fast"
    return None


def blocked_record(reason):
    today = timezone.localdate()
    updated = BlockedAttempt.objects.filter(day=today, reason=reason).update(count=F("count") + 1)
    if not updated:
        _, created = BlockedAttempt.objects.get_or_create(
            day=today, reason=reason, defaults={"count": 1}
        )
        if not created:
            BlockedAttempt.objects.filter(day=today, reason=reason).update(count=F("count") + 1)
