"""Local development: the embedded defaults (SQLite, database search), debug on."""

from config import env

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES

DEBUG = env.boolean("DEBUG", default=True)
# A per-checkout secret, made on first run and never committed.
_secret_file = BASE_DIR / "var" / "dev-secret-key"
if not env.string("SECRET_KEY", default=""):
    if not _secret_file.exists():
        import secrets

        _secret_file.parent.mkdir(parents=True, exist_ok=True)
        _secret_file.write_text(secrets.token_urlsafe(50))
    SECRET_KEY = _secret_file.read_text().strip()
ALLOWED_HOSTS = env.string_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
STORAGES = {
    "default": STORAGES["default"],  # noqa: F405 (the object store if OBJECTSTORE_URL is set)
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Under `make run` the web server and the scheduler write to the same SQLite
# file. A transaction that reads, then writes while the other process writes,
# fails at once with « database is locked »; taking the write lock when the
# transaction begins (waiting up to 20 s for it) makes them queue instead.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE", timeout=20
    )
# Demo members (seed_demo) get this password here only, so that a newcomer can
# try the site as a member: see the README's « Premiers pas ». Never in production.
DEMO_MEMBER_PASSWORD = "demo-innovation-publique"  # noqa: S105 (demo only)
