"""The one search interface of the product.

Reading: ``search(user, query)`` and ``suggest(user, prefix)`` always filter
by the user's principals (from the members policy). Writing: ``index_keys``
updates the embedded index — the index of record — and, when Elasticsearch is
the configured back end, the cluster too; a failed cluster write is queued in
``PendingIndexOperation`` and replayed when the cluster answers again. A
cluster that is down for reading makes search answer from the database with
a notice: never a 5xx.
"""

import logging

from django.conf import settings
from django.db.models import F
from django.utils.translation import gettext as _

from community.members import policy

from . import registry
from .backends.database import DatabaseBackend
from .documents import principal_tokens
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
    """None for superusers (everything searchable), else their audience tokens."""
    principals = policy.principals(user)
    if principals.superuser:
        return None
    return principal_tokens(principals)


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
    try:
        backend = elasticsearch_backend()
        backend.upsert(upserts)
        backend.delete(deletes)
    except cluster_errors() as error:
        logger.warning(
            "Elasticsearch unavailable, %d operations queued: %s", len(keys), error
        )
        for key in keys:
            PendingIndexOperation.objects.get_or_create(key=key)
        return False
    PendingIndexOperation.objects.filter(key__in=keys).delete()
    replay_pending()
    return True


def replay_pending(limit=500):
    """Replay queued cluster writes (after an outage); returns how many."""
    pending = list(PendingIndexOperation.objects.values_list("key", flat=True)[:limit])
    if not pending or not elasticsearch_enabled():
        return 0
    upserts, deletes = [], []
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
        return 0
    PendingIndexOperation.objects.filter(key__in=pending).delete()
    return len(pending)


def all_documents():
    """Every document that should be in the index, from every adapter."""
    for adapter in registry.adapters():
        if isinstance(adapter, registry.PageAdapter):
            restrictions = adapter.restrictions()
            for page in adapter.queryset().iterator(chunk_size=200):
                document = adapter.document(page, restrictions)
                if document is not None:
                    yield document
        else:
            for obj in adapter.queryset().iterator(chunk_size=200):
                document = adapter.document(obj)
                if document is not None:
                    yield document


def count_candidates():
    return sum(adapter.queryset().count() for adapter in registry.adapters())
