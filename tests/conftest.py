"""Fixtures of the browser suites (tests/e2e, tests/accessibility, tests/security).

Browser tests carry the ``browser`` marker (set here from their folder or by
``pytestmark``): they run after every other test of the session, against one
live server on the seeded demo (tests/support/live.py). Without Chromium or
Playwright they are skipped loudly; with CI=true that is a failure.
"""

import os
from io import StringIO

from django.conf import settings
from django.core.management import call_command

import pytest

from tests.support.browser import chromium_missing_reason, launch
from tests.support.live import LiveSite


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    if not browser_items:
        return
    # Last: their writes are committed, so no rolled-back test sees them.
    items[:] = [item for item in items if not item.get_closest_marker("browser")]
    items.extend(browser_items)
    reason = chromium_missing_reason()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            raise pytest.UsageError(reason)
        for item in browser_items:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def live_site(django_db_setup, django_db_blocker):
    """The live server, with database access open for the browser tests."""
    with django_db_blocker.unblock():
        from home.models import HomePage

        if not HomePage.objects.exists():
            pytest.skip(
                "Le contenu de démonstration a été vidé par un test transactionnel : "
                "lancez les suites navigateur seules (pytest -m browser)."
            )
        if settings.SEARCH_BACKEND == "elasticsearch":
            # The demo was seeded before this session's indexes were ready.
            call_command("update_index", stdout=StringIO())
        site = LiveSite()
        yield site
        site.stop()


@pytest.fixture
def live(live_site, django_db_blocker):
    """Per test: the live site, with the database unblocked for the test body."""
    with django_db_blocker.unblock():
        yield live_site


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread, which Django's
    # ORM guard takes for async code; the tests' ORM calls are synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def outbox(settings):
    """Django's locmem outbox, shared with the live server's thread."""
    from django.core import mail

    mail.outbox = []
    return mail.outbox
