"""Per-address rate limits for public forms (sharing a deed, signing in).

Addresses are only hashed into cache keys that expire within the hour; nothing
about the person is stored.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def client_key(request, bucket):
    address = request.META.get("REMOTE_ADDR", "")
    hour = int(time.time() // 3600)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}:{hour}".encode()).hexdigest()
    return f"ratelimit:{bucket}:{digest[:32]}"


def email_rate_limited(address, limit):
    """Count one more email to ``address`` this hour; True when over ``limit``.

    The key is the address itself (lower-cased), not the sender's network address:
    the limit protects the recipient from being flooded from many addresses.
    """
    return rate_limited(f"email:{address.lower()}", limit)


def rate_limited(key, limit):
    """Count one more use of ``key`` this hour; True when over ``limit``."""
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count > limit
