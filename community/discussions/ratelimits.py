"""Rate limits and trust for posting (threads and comments).

Posts are counted in the database per member (exact, whatever the number of
web processes) and per network address in the cache, shared by the web nodes
when there is a Redis (``home.ratelimit``: only a salted hash of the address
is kept, for the window at most). Animateurs and moderators of the space are
not limited. The message says how long to wait.
"""

import math

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from community.members import policy
from home import ratelimit
from home.markup import count_links

from . import conf
from .choices import PostState

#: An address may post this many times what one account may.
ADDRESS_FACTOR = 3


class RateLimited(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def is_trusted(user):
    """An account older than the trust age with enough visible posts."""
    from .models import Comment, Thread

    if user.date_joined > timezone.now() - conf.get("DISCUSSIONS_TRUST_AGE"):
        return False
    needed = conf.get("DISCUSSIONS_TRUST_POSTS")
    posts = Thread.objects.filter(author=user, state=PostState.VISIBLE).count()
    if posts >= needed:
        return True
    return (
        posts + Comment.objects.filter(user=user, state=PostState.VISIBLE).count()
        >= needed
    )


def _wait_message(seconds, limit, window):
    minutes = max(1, math.ceil(seconds / 60))
    wait = ngettext(
        "Réessayez dans %(n)d minute.", "Réessayez dans %(n)d minutes.", minutes
    ) % {"n": minutes}
    if window.total_seconds() <= 60:
        per = ngettext(
            "%(n)d message par minute", "%(n)d messages par minute", limit
        ) % {"n": limit}
    else:
        hours = round(window.total_seconds() / 3600)
        per = _("%(n)d messages par %(hours)s") % {
            "n": limit,
            "hours": ngettext("heure", "%(h)d heures", hours) % {"h": hours},
        }
    return _(
        "Vous publiez beaucoup en peu de temps : la limite est de %(per)s pour "
        "votre compte. %(wait)s"
    ) % {"per": per, "wait": wait}


def _post_times(user, since):
    from .models import Comment, Thread

    times = list(
        Thread.objects.filter(author=user, created_at__gte=since).values_list(
            "created_at", flat=True
        )
    )
    times += list(
        Comment.objects.filter(user=user, submit_date__gte=since).values_list(
            "submit_date", flat=True
        )
    )
    return sorted(times)


def check(user, space, text, ip=None):
    """Raise ``RateLimited`` with a French message if ``user`` may not post
    ``text`` in ``space`` now; count the post for the address otherwise."""
    if user.is_superuser or policy.can_moderate(user, space):
        return
    limits = conf.get("DISCUSSIONS_RATE_LIMITS")[
        "trusted" if is_trusted(user) else "new"
    ]
    links = count_links(text)
    if links > limits["links"]:
        raise RateLimited(
            ngettext(
                "Votre message contient %(count)d liens ; votre compte peut en "
                "publier %(max)d par message.",
                "Votre message contient %(count)d liens ; votre compte peut en "
                "publier %(max)d par message.",
                links,
            )
            % {"count": links, "max": limits["links"]}
        )
    now = timezone.now()
    longest = max(window for window, _limit in limits["windows"])
    times = _post_times(user, now - longest)
    for window, limit in limits["windows"]:
        recent = [t for t in times if t >= now - window]
        if len(recent) >= limit:
            wait = (recent[-limit] + window - now).total_seconds()
            raise RateLimited(_wait_message(wait, limit, window))
    if not ip:
        return
    # Limits per address are wider: several members may share one. When the
    # cache does not answer they let the post through: the member's own
    # limits above, counted in the database, still hold.
    exceeded = ratelimit.consume(
        "discussions:ip",
        ip,
        [(limit * ADDRESS_FACTOR, window) for window, limit in limits["windows"]],
    )
    if exceeded:
        limit, window = exceeded
        raise RateLimited(
            _wait_message(window.total_seconds(), limit // ADDRESS_FACTOR, window)
        )
