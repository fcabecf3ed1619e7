"""Signed one-click unsubscribe tokens (``django.core.signing``).

A token names a member and a kind of e-mail (an event type, or a digest:
``digest:quotidien``, ``digest:hebdomadaire``); it works without logging in,
and expires after ``MAX_AGE``. A tampered or expired token is refused with a
clear message by the view, never a 500.
"""

from datetime import timedelta

from django.core import signing

SALT = "community.notifications.unsubscribe"
MAX_AGE = timedelta(days=90)


class InvalidToken(Exception):
    pass


class ExpiredToken(InvalidToken):
    pass


def make_token(user, kind):
    return signing.dumps({"u": user.pk, "k": kind}, salt=SALT, compress=True)


def read_token(token):
    """``(user_id, kind)``; ``ExpiredToken`` or ``InvalidToken`` otherwise."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise InvalidToken from error
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        raise InvalidToken
    kind = data.get("k")
    if not isinstance(kind, str):
        raise InvalidToken
    return data["u"], kind
