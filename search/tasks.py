"""Background work of the search index (Django's tasks API)."""

from django_tasks import task


@task()
def index_keys_task(keys):
    from .service import index_keys

    index_keys(keys)


@task()
def replay_pending_task():
    """Replay every queued cluster write, batch after batch (a failed batch
    stops here and schedules the next attempt)."""
    from .service import replay_pending

    while replay_pending():
        pass
