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
def clean_cluster(db):
    """On Elasticsearch, documents written by a test outlive its rolled-back
    transaction: remove what the database no longer has after each test."""
    yield
    if settings.SEARCH_BACKEND != "elasticsearch":
        return
    from search import service

    expected = {doc.key for doc in service.all_documents()}
    backend = service.elasticsearch_backend()
    extra = backend.keys() - expected
    if extra:
        backend.delete(extra)
    service.index_keys(sorted(expected))
