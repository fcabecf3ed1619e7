"""Fixtures shared by every app's tests.

The demo content is loaded once per test session (seed_demo is what a fresh
site runs), and every test works inside a transaction rolled back after it.
"""

import os
from io import StringIO

from django.conf import settings
from django.core.management import call_command

import pytest


@pytest.hookimpl(trylast=True)  # after ``-m`` has deselected what it deselects
def pytest_collection_modifyitems(config, items):
    """Elasticsearch tests need the service; outside CI a missing service skips
    them loudly, in CI (CI=true) it fails the run."""
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


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=StringIO())


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return HomePage.objects.get()
