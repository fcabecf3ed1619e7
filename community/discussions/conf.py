"""The discussions' settings, with their defaults (override in settings).

- ``DISCUSSIONS_REPORTS_TO_HIDE``: distinct pending reports after which a post
  is hidden until a moderator decides (3).
- ``DISCUSSIONS_RATE_LIMITS``: per kind of account, how many posts (threads
  and comments) per window, and how many links per post. A *new* account is
  less than ``DISCUSSIONS_TRUST_AGE`` old or has fewer than
  ``DISCUSSIONS_TRUST_POSTS`` visible posts. The same limits hold per network
  address (counted in the cache), so that many new accounts from one place do
  not multiply them.
"""

from datetime import timedelta

from django.conf import settings

DEFAULTS = {
    "DISCUSSIONS_REPORTS_TO_HIDE": 3,
    "DISCUSSIONS_TRUST_AGE": timedelta(hours=24),
    "DISCUSSIONS_TRUST_POSTS": 3,
    "DISCUSSIONS_RATE_LIMITS": {
        "new": {
            "windows": [(timedelta(minutes=1), 3), (timedelta(hours=1), 15)],
            "links": 2,
        },
        "trusted": {
            "windows": [(timedelta(minutes=1), 10), (timedelta(hours=1), 120)],
            "links": 10,
        },
    },
    "DISCUSSIONS_THREADS_PER_PAGE": 20,
    # A thread's page: 10 top-level comments, each with its first 3 replies
    # (« voir les N autres réponses » shows the rest of one): at most 40
    # messages, so that a long thread's page costs what a short one's does
    # (make bench: render ratio large/small ≤ 2).
    "DISCUSSIONS_COMMENTS_PER_PAGE": 10,  # top-level comments per page
    "DISCUSSIONS_REPLIES_SHOWN": 3,  # replies shown under each of them
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
