"""Fixtures shared by every app's tests.

The demo content is loaded once per test session (seed_demo is what a fresh
site runs), and every test works inside a transaction rolled back after it.
"""

import os
from io import StringIO

from django.conf import settings
from django.core.management import call_command

import pytest

from tests.support import objectstore


@pytest.hookimpl(trylast=True)  # after ``-m`` has deselected what it deselects
def pytest_collection_modifyitems(config, items):
    """Elasticsearch tests need the service; outside CI a missing service skips
    them loudly, in CI (CI=true) it fails the run. The 3-node cluster tests
    (three JVMs to start) run only when ``-m`` names them."""
    if "cluster" not in (config.option.markexpr or ""):
        reason = (
            "grappe Elasticsearch de 3 nœuds (lente à démarrer) : lancez "
            "« make test-cluster » (pytest -m cluster)."
        )
        for item in items:
            if item.get_closest_marker("cluster"):
                item.add_marker(pytest.mark.skip(reason=reason))
    if settings.SEARCH_BACKEND == "elasticsearch":
        return
    reason = (
        "Elasticsearch non configuré (SEARCH_BACKEND=elasticsearch et "
        "ELASTICSEARCH_URL) : lancez les tests avec « make test »."
    )
    for item in items:
        if item.get_closest_marker("elasticsearch"):
            if os.environ.get("CI", "").lower() == "true":
                raise pytest.UsageError(reason)
            item.add_marker(pytest.mark.skip(reason=reason))


def pytest_configure(config):
    if not hasattr(config, "workerinput"):  # not a pytest-xdist worker
        objectstore.name_the_run()


def pytest_sessionfinish(session):
    if not hasattr(session.config, "workerinput"):
        objectstore.stop_if_started()


@pytest.fixture(scope="session")
def objectstore_url():
    """The URL of the object store started by scripts/services/objectstore
    (tests/support/objectstore.py); skips when SeaweedFS is not built."""
    return objectstore.start()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=StringIO())


@pytest.fixture(autouse=True)
def _empty_cache():
    """Django's cache (glossary links, per revision) lives in the process: a
    test's rolled-back content must not be served to the next test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def unreachable_redis(settings):
    """The shared cache configured on a Redis that nobody answers (a port
    just freed): what a node sees when Redis is down. The tests on a real
    Redis, stopped or not, are in tests/test_redis.py."""
    import socket

    from config import env
    from home import cache as shared_cache

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {"default": env.redis_cache(f"redis://127.0.0.1:{port}/0")}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    shared_cache._down_until.clear()
    yield
    shared_cache._down_until.clear()


@pytest.fixture(autouse=True)
def clean_cluster(request):
    """On Elasticsearch, documents written by a test outlive its rolled-back
    transaction: before each test of any app (the database is then back to
    the seeded content) the cluster is brought back in line with the
    database. The browser suites share committed content: not them."""
    uses_db = request.node.get_closest_marker("django_db") or any(
        name in request.fixturenames for name in ("db", "transactional_db")
    )
    if (
        settings.SEARCH_BACKEND != "elasticsearch"
        or request.node.get_closest_marker("browser")
        or not uses_db
    ):
        yield
        return
    from search import service
    from search.models import SearchEntry

    with request.getfixturevalue("django_db_blocker").unblock():
        expected = set(SearchEntry.objects.values_list("key", flat=True))
        backend = service.elasticsearch_backend()
        indexed = backend.indexed_keys()
        if indexed - expected:
            backend.delete(indexed - expected)
        if expected - indexed:
            service.index_keys(sorted(expected - indexed))
    yield


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def template_strings(settings):
    """A dict of template name -> template text, found before the files (a
    locmem loader in front of the project's loaders) for this test."""
    templates = {}
    engine = settings.TEMPLATES[0]
    options = dict(engine["OPTIONS"])
    options["loaders"] = [
        ("django.template.loaders.locmem.Loader", templates),
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]
    settings.TEMPLATES = [{**engine, "APP_DIRS": False, "OPTIONS": options}]
    return templates


@pytest.fixture
def page_section(template_strings):
    """Register test sections on the pages' ``{% page_sections %}`` targets.

    ``page_section(target, body, context=…, **options)`` registers a section
    whose template is ``body`` (Django template text) and returns it; every
    section is unregistered after the test."""
    from home import sections

    registered = []

    def add(target, body, context=None, key=None, **options):
        key = key or f"essai-{len(registered) + 1}"
        name = f"tests/sections/{key}.html"
        template_strings[name] = body
        section = sections.register_section(
            target,
            key,
            name,
            context or (lambda request, obj: {}),
            **{"title": f"Section d'essai {key}", **options},
        )
        registered.append((target, key))
        return section

    yield add
    for target, key in registered:
        sections.unregister_section(target, key)
