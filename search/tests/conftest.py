"""Search tests run unchanged on every back end the run configures."""

import pytest


@pytest.fixture
def indexed(monkeypatch):
    """Tests run inside a transaction that never commits: run the index updates
    that writes schedule "on commit" right away, as a commit would."""
    from search import sync

    monkeypatch.setattr(sync.transaction, "on_commit", lambda func, **kwargs: func())
