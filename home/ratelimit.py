"""The site's own rate limits: counters in the cache, shared by every web
process when the cache is Redis (``REDIS_URL``), per process otherwise.

One helper for every limit the apps count by address or account
(``consume``); allauth's sign-up, login and password limits are allauth's
own, in the same cache. Only a salted hash of what is counted (an address,
an account) is kept, and only for the window.

A counter is incremented atomically first (``add`` then ``incr``, atomic in
Redis), and taken back if the hit goes over a limit, so two nodes racing
for the last place cannot both get it, and refused attempts do not count.

When the cache does not answer (Redis down), ``consume`` lets the hit
through (``fail_closed=False``: reads, or limits that have another guard,
such as the discussions' per-member counts in the database) or raises
``Unavailable`` (``fail_closed=True``: what must not go unlimited).
"""

import hashlib
from contextlib import suppress
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.utils.translation import gettext_lazy as _

from . import cache as shared_cache

UNAVAILABLE_MESSAGE = _(
    "Service momentanément indisponible : réessayez dans quelques minutes."
)


class Unavailable(Exception):
    """The counters cannot be read (the cache is down) and the limit fails
    closed."""

    message = UNAVAILABLE_MESSAGE


def _seconds(window):
    return int(window.total_seconds() if isinstance(window, timedelta) else window)


def key(scope, ident, window):
    """The cache key counting ``ident`` (an address, an account id) in
    ``scope`` over ``window``."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{scope}:{ident}".encode())
    return f"ratelimit:{scope}:{digest.hexdigest()[:24]}:{_seconds(window)}"


def _increment(cache, name, seconds):
    """The counter ``name`` plus one (created for ``seconds``), or None when
    the cache does not answer."""
    if cache.add(name, 1, timeout=seconds):
        return 1
    try:
        return cache.incr(name)
    except ValueError:
        if shared_cache.unavailable():
            return None
        cache.set(name, 1, timeout=seconds)  # expired between add and incr
        return 1


def _take_back(cache, names):
    for name in names:
        # Expired (or the cache went down) meanwhile: nothing to take back.
        with suppress(ValueError):
            cache.decr(name)


def consume(scope, ident, rules, *, fail_closed=False):
    """Count one hit of ``ident`` in ``scope`` against each rule, a pair
    ``(limit, window)`` (a ``timedelta`` or seconds).

    Return None when the hit is allowed (and counted), or the first rule it
    would exceed (the hit is then not counted). Raise ``Unavailable`` if the
    cache does not answer and ``fail_closed``; let the hit through otherwise.
    """
    cache = caches["default"]
    counted = []
    for limit, window in rules:
        seconds = _seconds(window)
        name = key(scope, ident, window)
        count = _increment(cache, name, seconds)
        if count is None:
            _take_back(cache, counted)
            if fail_closed:
                raise Unavailable
            return None
        counted.append(name)
        if count > limit:
            _take_back(cache, counted)
            return (limit, window)
    return None


def count(scope, ident, window):
    """How many hits ``ident`` has in ``scope`` over ``window`` (0 when the
    cache does not answer)."""
    return caches["default"].get(key(scope, ident, window)) or 0
