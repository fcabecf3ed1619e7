"""The periodic jobs of the site's own machinery, registered by ``HomeConfig``:
scheduled publishing, and the replay of search writes queued while
Elasticsearch was away. Domain apps register theirs (digests, reminders) in
their own ``ready()`` with ``home.scheduler.register_periodic``."""

from datetime import timedelta

from .scheduled_publishing import publish_scheduled
from .scheduler import register_periodic


def replay_search_queue():
    """Send the queued search writes to Elasticsearch once it answers again.

    The tasks worker already retries every 10 s in production; this job covers
    the set-ups without a worker (``make run``: tasks run immediately there).
    """
    from search.service import replay_pending

    replayed = 0
    while batch := replay_pending():
        replayed += batch
    return f"{replayed} écriture(s) rejouée(s) dans Elasticsearch" if replayed else ""


def register_jobs():
    register_periodic(
        "publish_scheduled", every=timedelta(minutes=1), function=publish_scheduled
    )
    register_periodic(
        "search_replay", every=timedelta(minutes=1), function=replay_search_queue
    )
