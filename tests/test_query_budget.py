"""Every page type, and the views whose lists grow, stay within 20 SQL
queries for an anonymous visitor (the request's transaction not counted)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import get_page_models

import pytest

pytestmark = pytest.mark.django_db

MAX_QUERIES = 20
# Views that are not the first page of a page type (as in scripts/quality/bench.py).
EXTRA_URLS = [
    "/communaute/e-communautes/innovation-publique/",
    "/evenements/universite-2018/programme/rennes/",
    "/recherche/?q=innovation",
]
TRANSACTION = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE SAVEPOINT")


def page_urls():
    urls = {}
    for model in get_page_models():
        page = model.objects.live().public().filter(depth__gt=1).first()
        if page is not None and model.__name__ != "Page":
            urls[model.__name__] = page.url
    return urls


def statements(client, url):
    client.get(url)  # per-process caches (site root, glossary links) warmed
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [
        q["sql"]
        for q in queries.captured_queries
        if not q["sql"].startswith(TRANSACTION)
    ]


def test_every_page_type_and_growing_view_within_budget(client):
    urls = {**page_urls(), **{url: url for url in EXTRA_URLS}}
    assert {"ChallengePage", "EditionPage", "MethodPage", "HomePage"} <= set(urls)
    counts = {name: len(statements(client, url)) for name, url in urls.items()}
    over = {name: n for name, n in counts.items() if n > MAX_QUERIES}
    assert not over, over
