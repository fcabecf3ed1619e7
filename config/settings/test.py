"""The test suite: hermetic, fast, e-mail into Django's locmem outbox.

The database and search back end still come from the environment so the same
suite runs on SQLite and PostgreSQL, on the database and Elasticsearch back ends.
"""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "tests-only-not-a-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Uploaded files go to a temporary folder per run: Wagtail serves documents
# from a local path (sendfile), which the in-memory storage does not have.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="ecommunaute-test-media-"))
# With OBJECTSTORE_URL set, the suite runs on the object store instead.
STORAGES = {
    "default": STORAGES["default"]  # noqa: F405
    if OBJECTSTORE  # noqa: F405
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Hermetic whatever the shell exports: the memory cache and database sessions
# (the suite clears the cache before each test, which would empty a shared
# Redis). The Redis tests (marker `redis`) give their own server's URL.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# The API test client and the shell use the test server's host.
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

# pytest-xdist workers share one Elasticsearch: each keeps indexes of its own.
_worker = os.environ.get("PYTEST_XDIST_WORKER")
if _worker and SEARCH_BACKEND == "elasticsearch":  # noqa: F405
    ELASTICSEARCH_INDEX_PREFIX = f"{ELASTICSEARCH_INDEX_PREFIX}{_worker}_"  # noqa: F405
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = (  # noqa: F405
        ELASTICSEARCH_INDEX_PREFIX + "wagtail_"
    )

# Several checkouts on one PostgreSQL (git worktrees) each name their own test
# database; pytest-xdist adds its worker suffix to it.
if os.environ.get("TEST_DATABASE_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}  # noqa: F405
