"""The optional shared cache (CACHE_URL): Django's Redis cache that stays optional.

Only derived data (related deeds) is cached, so while Redis is down or unreachable the
portal works as if it had no cache instead of answering 500: reads miss, writes are
dropped. The outage is logged once per process, and its end too. After a failure the
process leaves Redis alone for RETRY_SECONDS (an option of this backend, default 10),
so a Redis that does not answer costs one request a socket timeout, not every request;
then it tries again, and the cache is back by itself.
"""

import logging
import threading
import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)

# Outages per server address, shared by the threads of a process (Django makes one cache
# object per thread): {location: monotonic time of the last failure}.
_down_since = {}
_lock = threading.Lock()


def _missing(*args, **kwargs):
    raise ValueError("The cache is unavailable.")  # what incr says of a missing key


def _degrades(fallback):
    """Run the operation on Redis, or answer like an empty cache that keeps nothing."""

    def answer(*args, **kwargs):
        return fallback(*args, **kwargs) if callable(fallback) else fallback

    def decorate(method):
        @wraps(method)
        def wrapper(self, *args, **kwargs):
            if self._resting():
                return answer(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except UNAVAILABLE:
                self._failed()
                return answer(*args, **kwargs)
            self._worked()
            return result

        return wrapper

    return decorate


def _default(key, default=None, version=None):
    return default


def _nothing_found(*args, **kwargs):
    return {}


def _nothing_failed(*args, **kwargs):
    return []


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_seconds = float(options.pop("RETRY_SECONDS", 10))
        super().__init__(server, {**params, "OPTIONS": options})
        self._location = str(server)

    def _resting(self):
        failed_at = _down_since.get(self._location)
        return failed_at is not None and time.monotonic() - failed_at < self.retry_seconds

    def _failed(self):
        with _lock:
            first = self._location not in _down_since
            _down_since[self._location] = time.monotonic()
        if first:
            logger.warning(
                "The cache at %s is unavailable; going on without it.",
                self._location,
                exc_info=True,
            )

    def _worked(self):
        if self._location not in _down_since:  # the usual case, without taking the lock
            return
        with _lock:
            was_down = _down_since.pop(self._location, None) is not None
        if was_down:
            logger.info("The cache at %s is back.", self._location)

    get = _degrades(_default)(RedisCache.get)
    get_many = _degrades(_nothing_found)(RedisCache.get_many)
    has_key = _degrades(False)(RedisCache.has_key)
    add = _degrades(True)(RedisCache.add)
    set = _degrades(None)(RedisCache.set)
    set_many = _degrades(_nothing_failed)(RedisCache.set_many)
    touch = _degrades(False)(RedisCache.touch)
    incr = _degrades(_missing)(RedisCache.incr)
    delete = _degrades(False)(RedisCache.delete)
    delete_many = _degrades(None)(RedisCache.delete_many)
    clear = _degrades(False)(RedisCache.clear)
