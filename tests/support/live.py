"""A live server on the seeded demo, shared by every browser test of a session.

Why not pytest-django's ``live_server``: it forces ``transactional_db``, which
flushes the database after each test; re-seeding the demo then costs about
11 s per test, minutes over the parametrized accessibility and XSS cases. Here
the demo seeded once by the session's ``django_db_setup`` stays, the browser
suites run after every other test of the session (see ``tests/conftest.py``),
and each browser test creates what it writes under names of its own.
"""

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connections
from django.test.testcases import LiveServerThread


class LiveSite:
    host = "127.0.0.1"

    def __init__(self):
        # An in-memory SQLite database is only visible to its own connection:
        # the server thread borrows it, as Django's LiveServerTestCase does.
        self.shared = {
            conn.alias: conn
            for conn in connections.all()
            if conn.vendor == "sqlite" and conn.is_in_memory_db()
        }
        for conn in self.shared.values():
            conn.inc_thread_sharing()
        self.thread = LiveServerThread(
            # Static files from the finders, as StaticLiveServerTestCase does.
            self.host,
            StaticFilesHandler,
            connections_override=self.shared,
            port=0,
        )
        self.thread.daemon = True
        self.thread.start()
        self.thread.is_ready.wait()
        if self.thread.error:
            raise self.thread.error
        self.url = f"http://{self.host}:{self.thread.port}"

    def __call__(self, path=""):
        return self.url + path

    def stop(self):
        self.thread.terminate()
        for conn in self.shared.values():
            conn.dec_thread_sharing()
