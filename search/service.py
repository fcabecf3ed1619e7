"""The one search interface of the product.

Reading: ``search(user, query)`` and ``suggest(user, prefix)`` always filter
by the tokens the user carries (from the permission policy, through
``registry.register_audience_provider``). Writing: ``index_keys``
updates the embedded index — the index of record — and, when Elasticsearch is
the configured back end, the cluster too; a failed cluster write is queued in
``PendingIndexOperation`` and replayed when the cluster answers again (by the
next successful write, and by a replay task that the background worker runs a
few seconds later, again until the cluster is back). A cluster that is down for
reading makes search answer from the database with a notice: never a 5xx.
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from . import registry
from .backends.database import DatabaseBackend
from .models import PendingIndexOperation

logger = logging.getLogger(__name__)

FALLBACK_NOTICE = _(
    "Le moteur de recherche principal est momentanément indisponible : ces "
    "résultats viennent de la recherche de secours, moins précise."
)


def elasticsearch_enabled():
    return settings.SEARCH_BACKEND == "elasticsearch"


def elasticsearch_backend():
    from .backends.elasticsearch import ElasticsearchBackend

    return ElasticsearchBackend()


def cluster_errors():
    from elasticsearch import ApiError, TransportError

    return (TransportError, ApiError, ConnectionError, OSError)


def tokens_for(user):
    """The tokens ``user`` carries: they find what has one in its audience."""
    return registry.searcher_tokens(user)


def search(user, query):
    tokens = tokens_for(user)
    if elasticsearch_enabled():
        try:
            return elasticsearch_backend().search(query, tokens)
        except cluster_errors() as error:
            logger.warning(
                "Elasticsearch unavailable for search, falling back: %s", error
            )
            results = DatabaseBackend().search(query, tokens)
            results.notice = FALLBACK_NOTICE
            return results
    return DatabaseBackend().search(query, tokens)


def suggest(user, prefix, limit=8):
    tokens = tokens_for(user)
    if elasticsearch_enabled():
        try:
            return elasticsearch_backend().suggest(prefix, tokens, limit)
        except cluster_errors():
            pass
    return DatabaseBackend().suggest(prefix, tokens, limit)


def index_keys(keys):
    """Bring the index in line with the database for these keys."""
    keys = list(dict.fromkeys(keys))
    upserts, deletes = [], []
    with registry.batch():
        for key in keys:
            document = registry.document_for_key(key)
            if document is None:
                deletes.append(key)
            else:
                upserts.append(document)
    database = DatabaseBackend()
    database.upsert(upserts)
    database.delete(deletes)
    if elasticsearch_enabled():
        push_to_cluster(upserts, deletes)


def push_to_cluster(upserts, deletes):
    keys = [doc.key for doc in upserts] + deletes
    started = timezone.now()
    try:
        backend = elasticsearch_backend()
        backend.upsert(upserts)
        backend.delete(deletes)
    except cluster_errors() as error:
        logger.warning(
            "Elasticsearch unavailable, %d operations queued: %s", len(keys), error
        )
        # Re-queued with a new time: a replay running now, which read the
        # item's older state, must not take this write off the queue.
        now = timezone.now()
        for key in keys:
            PendingIndexOperation.objects.update_or_create(
                key=key, defaults={"created_at": now}
            )
        schedule_replay()
        return False
    done_with(keys, started)
    replay_pending()
    return True


def replay_pending(limit=500):
    """Replay queued cluster writes (after an outage); returns how many."""
    started = timezone.now()
    pending = list(PendingIndexOperation.objects.values_list("key", flat=True)[:limit])
    if not pending or not elasticsearch_enabled():
        return 0
    upserts, deletes = [], []
    with registry.batch():
        for key in pending:
            document = registry.document_for_key(key)
            (upserts.append(document) if document else deletes.append(key))
    try:
        backend = elasticsearch_backend()
        backend.upsert(upserts)
        backend.delete(deletes)
    except cluster_errors():
        PendingIndexOperation.objects.filter(key__in=pending).update(
            attempts=F("attempts") + 1
        )
        schedule_replay()
        return 0
    done_with(pending, started)
    return len(pending)


def done_with(keys, started):
    """Take ``keys`` off the queue, unless queued again since ``started`` (the
    state then written may be older than that new write)."""
    PendingIndexOperation.objects.filter(key__in=keys, created_at__lte=started).delete()


REPLAY_DELAY = timedelta(seconds=10)
_replay_scheduled_until = 0.0  # monotonic time; one scheduled replay per process


def schedule_replay():
    """Have the background worker replay the queue in ``REPLAY_DELAY``.

    Without it, writes queued during an outage would wait for the next
    successful write, which may never come. At most one replay is scheduled
    per process and delay, however many writes failed; a replay that fails
    schedules the next one. Task back ends that cannot defer (the immediate
    one of the tests) rely on the next write and on ``search_reindex``.
    Returns whether a replay was scheduled.
    """
    global _replay_scheduled_until
    from .tasks import replay_pending_task

    now = time.monotonic()
    if not replay_pending_task.get_backend().supports_defer:
        return False
    if now < _replay_scheduled_until:
        return False
    replay_pending_task.using(run_after=timezone.now() + REPLAY_DELAY).enqueue()
    _replay_scheduled_until = now + REPLAY_DELAY.total_seconds()
    return True


def all_documents():
    """Every document that should be in the index, from every adapter."""
    with registry.batch():
        for adapter in registry.adapters():
            for obj in adapter.queryset().iterator(chunk_size=200):
                document = adapter.indexed(obj)
                if document is not None:
                    yield document


def count_candidates():
    return sum(adapter.queryset().count() for adapter in registry.adapters())
