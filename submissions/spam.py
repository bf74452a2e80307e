"""Spam checks for the public form, without third-party CAPTCHAs.

A honeypot field people never see, a minimum time between opening the form and
first saving it, and per-address rate limits. Addresses are only hashed into cache
keys that expire within the hour; what is stored for staff is a count per day.
"""

import hashlib
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db.models import F
from django.utils import timezone

from .models import BlockedAttempt

SALT = "submissions.form-started"


def started_token():
    return signing.dumps(int(time.time()), salt=SALT)


def spam_reason(post, *, first_save):
    """Why this post looks automated, or None."""
    if post.get("website"):
        return "honeypot"
    if first_save:
        try:
            started = signing.loads(post.get("started", ""), salt=SALT, max_age=7 * 24 * 3600)
        except signing.BadSignature:
            return "no_timestamp"
        if time.time() - started < settings.SUBMISSION_MIN_FILL_SECONDS:
            return "too_fast"
    return None


def client_key(request, bucket):
    address = request.META.get("REMOTE_ADDR", "")
    hour = int(time.time() // 3600)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}:{hour}".encode()).hexdigest()
    return f"ratelimit:{bucket}:{digest[:32]}"


def rate_limited(key, limit):
    """Count one more use of ``key`` this hour; True when over ``limit``."""
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count > limit


def blocked_record(reason):
    today = timezone.localdate()
    updated = BlockedAttempt.objects.filter(day=today, reason=reason).update(count=F("count") + 1)
    if not updated:
        _, created = BlockedAttempt.objects.get_or_create(
            day=today, reason=reason, defaults={"count": 1}
        )
        if not created:
            BlockedAttempt.objects.filter(day=today, reason=reason).update(count=F("count") + 1)
