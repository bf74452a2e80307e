"""Per-hour limits on what one client, account or recipient may do: sign-in attempts,
new deeds, feedback messages, emails.

Counters live in the database (``core.models.RateCounter``), the one store every
deployment has and every app process shares: a per-process memory cache would let each
of several processes count its own 20 attempts, and forget them on a restart. One
``INSERT … ON CONFLICT DO UPDATE … RETURNING`` counts atomically on SQLite (3.35 and
later) and PostgreSQL alike.

Privacy: a counter's key is a keyed hash (HMAC with SECRET_KEY) of the IP address or
email address, never the address; a counter is deleted once its hour is over (when a
new one is opened, and by the daily ``manage.py prune``: core/privacy.py).

When the database cannot count (the table is missing, writes are refused), the limits
let people through: a form that cannot be limited for a while is better than one nobody
can use. That is logged once, and again only after counting has worked in between.
"""

import ipaddress
import logging
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import RateCounter

logger = logging.getLogger(__name__)

_failing = False


def client_address(request):
    """The IP address the request came from.

    Behind TRUSTED_PROXY_COUNT reverse proxies, REMOTE_ADDR is the nearest proxy's, and
    each proxy appends the address it saw to X-Forwarded-For: the visitor's is then the
    N-th address from the right. Anything further left was written by the client and is
    never trusted. Without trusted proxies the header is ignored (anyone can send it).
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [part.strip() for part in header.split(",") if part.strip()]
    if len(forwarded) < proxies:
        return remote  # not through all the proxies: the header is not theirs
    return _ip(forwarded[-proxies]) or remote


def _ip(text):
    """An IP address from a proxy's entry, which may carry a port ("[::1]:443", "1.2.3.4:80")."""
    if text.startswith("[") and "]" in text:
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:
        text = text.split(":")[0]
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return ""


def hashed(identity):
    """The key under which ``identity`` (an IP or email address) is counted."""
    return salted_hmac("core.ratelimit", identity, algorithm="sha256").hexdigest()[:32]


def normalised_email(address):
    return address.strip().lower()


def _this_hour():
    return timezone.now().replace(minute=0, second=0, microsecond=0)


def _upsert_sql():
    quote = connection.ops.quote_name
    table = quote(RateCounter._meta.db_table)
    bucket, key, hour, count = (quote(name) for name in ("bucket", "key", "hour", "count"))
    return (
        f"INSERT INTO {table} ({bucket}, {key}, {hour}, {count}) VALUES (%s, %s, %s, 1) "
        f"ON CONFLICT ({bucket}, {key}, {hour}) DO UPDATE SET {count} = {table}.{count} + 1 "
        f"RETURNING {count}"
    )


def _counting(work, fallback):
    """Run ``work`` in a savepoint (a failure must not spoil the request's transaction);
    when the database fails, log it once and return ``fallback``."""
    global _failing
    try:
        with transaction.atomic():
            result = work()
    except DatabaseError:
        if not _failing:
            logger.warning("Rate limits cannot be counted; letting all through.", exc_info=True)
        _failing = True
        return fallback
    if _failing:
        logger.info("Rate limits are counted again.")
        _failing = False
    return result


def rate_limited(bucket, identity, limit):
    """Count one more use of ``bucket`` by ``identity`` this hour; True when that makes
    more than ``limit``."""
    hour = _this_hour()

    def count():
        with connection.cursor() as cursor:
            cursor.execute(
                _upsert_sql(),
                [bucket, hashed(identity), connection.ops.adapt_datetimefield_value(hour)],
            )
            (counted,) = cursor.fetchone()
        if counted == 1:  # a new counter: the hours before it are over
            RateCounter.objects.filter(hour__lt=hour).delete()
        return counted

    return _counting(count, 0) > limit


def rate_forgive(bucket, identity):
    """Take back one use counted this hour (a sign-in that succeeded was no guess)."""
    counters = RateCounter.objects.filter(
        bucket=bucket, key=hashed(identity), hour=_this_hour(), count__gt=0
    )
    _counting(lambda: counters.update(count=F("count") - 1), 0)


def client_rate_limited(request, bucket, limit):
    """Count one more use of ``bucket`` by the request's client (its IP address)."""
    return rate_limited(bucket, client_address(request), limit)


def email_rate_limited(address, limit, bucket="email"):
    """Count one more email to ``address`` this hour; True when over ``limit``.

    The key is the recipient's address, not the sender's network address: the limit
    protects the recipient from being flooded from many addresses.
    """
    return rate_limited(bucket, normalised_email(address), limit)


def rate_counters_of(address):
    """The counters kept under an email address (for the person's export and erasure)."""
    return RateCounter.objects.filter(key=hashed(normalised_email(address)))


def rate_counters_prune(now=None):
    """Delete the counters of hours that are over; returns how many."""
    start = (now or timezone.now()) - timedelta(hours=1)
    return RateCounter.objects.filter(hour__lte=start).delete()[0]
