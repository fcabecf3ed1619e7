"""Search tests run unchanged on every back end the run configures."""

from django.conf import settings

import pytest


@pytest.fixture
def indexed(monkeypatch):
    """Tests run inside a transaction that never commits: run the index updates
    that writes schedule "on commit" right away, as a commit would."""
    from search import sync

    monkeypatch.setattr(sync.transaction, "on_commit", lambda func, **kwargs: func())


@pytest.fixture(autouse=True)
def clean_cluster(django_db_blocker):
    """On Elasticsearch, documents written by a test outlive its rolled-back
    transaction: before each test (the database is then back to the seeded
    content) the cluster is brought back in line with the database."""
    if settings.SEARCH_BACKEND != "elasticsearch":
        yield
        return
    from search import service
    from search.models import SearchEntry

    with django_db_blocker.unblock():
        expected = set(SearchEntry.objects.values_list("key", flat=True))
        backend = service.elasticsearch_backend()
        indexed = backend.indexed_keys()
        if indexed - expected:
            backend.delete(indexed - expected)
        if expected - indexed:
            service.index_keys(sorted(expected - indexed))
    yield
