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


# Lists that grow with use (issue 22): paginated or summarised, their pages run
# the same queries with many objects planted as with the demo's few.
GROWING_FOR_ANYONE = {
    "toutes les discussions": "/communaute/discussions/",
    "fils d’une e-communauté": "/communaute/discussions/communaute/innovation-publique/",
    "fil de discussion": lambda: _grown_thread().get_absolute_url(),
    "fil de discussion, page 2": lambda: _grown_thread().get_absolute_url() + "?page=2",
}
CARNET = "/communaute/equipes/equipe-jeunesse-martinique-2018/carnet/"
GROWING_FOR_MEMBERS = {  # the demo's carnet is shared with logged-in members
    "carnet d’une équipe": CARNET,
    "un moment du carnet, page 2": CARNET + "?moment=during&page=2",
}


def _grown_thread():
    from scripts.quality.bench import _grown_thread

    return _grown_thread()


def _counts(client, urls):
    return {
        name: len(statements(client, url() if callable(url) else url))
        for name, url in urls.items()
    }


def test_growing_lists_run_constant_queries(client):
    from community.members.tests.utils import make_user
    from scripts.quality.bench import grow_carnet_entries, grow_discussions
    from tests.support.sessions import logged_in_client

    member = logged_in_client(make_user("lectrice-budget"))
    before = _counts(client, GROWING_FOR_ANYONE)
    before_member = _counts(member, GROWING_FOR_MEMBERS)
    grow_discussions(90)  # 30 top-level comments (3 pages), 18 threads
    grow_carnet_entries(200)  # 50 entries per moment (3 pages)
    after = _counts(client, GROWING_FOR_ANYONE)
    after_member = _counts(member, GROWING_FOR_MEMBERS)
    assert after == before
    assert after_member == before_member
    assert max(after.values()) <= MAX_QUERIES, after
    # A member's pages add the header's unread notifications count.
    assert max(after_member.values()) <= MAX_QUERIES + 1, after_member
