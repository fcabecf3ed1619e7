"""Another web node for the Redis tests (run by ``tests.support.redis``):
``python -m tests.support.redis_node COMMAND ARGS…`` sets Django up from the
environment, does one thing against the shared cache and prints its result
as one line of JSON.

It has no database of its own (SQLite in memory, not migrated): whatever it
reads about the first node's sessions or counters can only come from Redis.
"""

import json
import sys

import django


def consume(scope, ident, limit, window):
    from home import ratelimit

    return ratelimit.consume(scope, ident, [(int(limit), int(window))]) is None


def allauth_signup(address):
    """One sign-up attempt from ``address`` counted by allauth's limit."""
    from django.test import RequestFactory

    from allauth.core.internal import ratelimit

    request = RequestFactory().post("/comptes/signup/", REMOTE_ADDR=address)
    return (
        ratelimit.consume(request, app="allauth.account", action="signup") is not None
    )


def session_user(session_key):
    from django.contrib.sessions.backends.cached_db import SessionStore

    return SessionStore(session_key).load().get("_auth_user_id")


def bump_glossary():
    from resources.glossary_links import bump_glossary_version, glossary_version

    bump_glossary_version()
    return glossary_version()


def cache_get(key):
    from django.core.cache import cache

    return cache.get(key)


COMMANDS = {
    "consume": consume,
    "allauth-signup": allauth_signup,
    "session-user": session_user,
    "bump-glossary": bump_glossary,
    "cache-get": cache_get,
}


def main(argv):
    django.setup()
    command, *args = argv
    print(json.dumps(COMMANDS[command](*args)))


if __name__ == "__main__":
    main(sys.argv[1:])
