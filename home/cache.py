"""The shared cache: Django's Redis cache, for which a Redis that does not
answer is a cache miss, not an error page.

With ``REDIS_URL`` set (``config.env.redis_cache``), every web process and
worker share one Redis: the cache (glossary links, Wagtail's own caches),
cached_db sessions, allauth's and the site's rate-limit counters
(``home.ratelimit``) and ``cache.add`` locks hold across nodes. Without it,
Django's default per-process memory cache is used, as on one machine.

When Redis is down or hangs, :class:`ResilientRedisCache` answers every read
with a miss and every write with "not stored" (``add`` returns False,
``incr`` raises ``ValueError`` as for a missing key), logs one warning, and
for ``RETRY_AFTER`` seconds does not even try (no request pays a connection
timeout each time). Pages are then built without the cache, sessions are
read from the database (cached_db), and what needs a counter decides for
itself: ``home.ratelimit`` refuses sign-ups and logins (fail closed) and
lets the rest through (fail open); allauth's own limits, which take a
``cache.add`` lock first, refuse too, with the 503 page of
``home.views.rate_limited``.
"""

import logging
import time

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

import redis

logger = logging.getLogger(__name__)

#: Errors that mean "Redis cannot be reached", not "this command is wrong".
UNREACHABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)

# Monotonic time until which each Redis (by its location) is taken as down,
# shared by every thread and cache alias of the process.
_down_until = {}


class ResilientRedisCache(RedisCache):
    """Django's ``RedisCache`` that survives an unreachable Redis.

    ``OPTIONS`` are those of Django's back end (passed to redis-py's
    connection pool), plus ``RETRY_AFTER``: how many seconds a failure is
    remembered before the next attempt (default 5)."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        super().__init__(server, {**params, "OPTIONS": options})
        self.location = ",".join(self._servers)

    @property
    def unavailable(self):
        """Whether a recent failure makes this Redis count as down."""
        return time.monotonic() < _down_until.get(self.location, 0)

    def _guard(self, fallback, method, *args, **kwargs):
        if self.unavailable:
            return fallback()
        try:
            return method(*args, **kwargs)
        except UNREACHABLE as error:
            logger.warning(
                "Redis injoignable (%s) : le cache est ignoré pendant %s s. %s",
                _redacted(self.location),
                self.retry_after,
                error,
            )
            _down_until[self.location] = time.monotonic() + self.retry_after
            return fallback()

    def add(self, *args, **kwargs):
        return self._guard(lambda: False, super().add, *args, **kwargs)

    def get(self, key, default=None, version=None):
        return self._guard(lambda: default, super().get, key, default, version)

    def set(self, *args, **kwargs):
        return self._guard(lambda: None, super().set, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._guard(lambda: False, super().touch, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._guard(lambda: False, super().delete, *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._guard(dict, super().get_many, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._guard(lambda: False, super().has_key, *args, **kwargs)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (Redis unavailable).")

        return self._guard(missing, super().incr, key, delta, version)

    def set_many(self, data, *args, **kwargs):
        # Django's contract: the keys that could not be stored.
        return self._guard(lambda: list(data), super().set_many, data, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._guard(lambda: None, super().delete_many, *args, **kwargs)

    def clear(self):
        return self._guard(lambda: False, super().clear)


def _redacted(location):
    """``location`` without its password, for the logs."""
    scheme, _, rest = location.partition("://")
    if "@" in rest:
        rest = "…@" + rest.rsplit("@", 1)[1]
    return f"{scheme}://{rest}"


def unavailable(alias="default"):
    """Whether the cache ``alias`` is a Redis known to be down right now
    (never for the per-process memory cache). Asked by what must fail
    closed, and by the refusal page to say why."""
    backend = caches[alias]
    return bool(getattr(backend, "unavailable", False))
