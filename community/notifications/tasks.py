"""Background work of the notifications: digests, built by the tasks worker."""

from datetime import datetime

from django_tasks import task


@task()
def send_digests_task(user_ids, period, now):
    """One batch of digests (``now``: when the scheduler found them due)."""
    from .digests import send_digests

    return send_digests(user_ids, period, datetime.fromisoformat(now))
