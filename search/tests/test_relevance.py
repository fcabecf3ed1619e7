"""The relevance set, with the same expectations on every back end.

Each query must return its expected title in its first five results; the
success rate at 5 ("precision@5" in the issue's words) is printed per back end.
"""

from django.conf import settings
from django.db import connection

import pytest

from .relevance import RELEVANCE_SET

pytestmark = [pytest.mark.django_db, pytest.mark.search]


def top_titles(client, query):
    data = client.get("/recherche/api/", {"q": query}).json()
    return [hit["title"] for hit in data["results"][:5]]


def test_relevance_set(client, capsys):
    misses = []
    for query, expected in RELEVANCE_SET:
        found = top_titles(client, query)
        if expected not in found:
            misses.append((query, expected, found))
    backend = settings.SEARCH_BACKEND
    if backend == "database":
        backend += f" ({connection.vendor})"
    score = 1 - len(misses) / len(RELEVANCE_SET)
    with capsys.disabled():
        print(f"\nprecision@5 [{backend}]: {score:.2f} on {len(RELEVANCE_SET)} queries")
    assert len(RELEVANCE_SET) >= 40
    assert not misses, "\n".join(
        f"{q!r}: expected {e!r}, got {f}" for q, e, f in misses
    )
