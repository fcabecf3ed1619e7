"""Redis for the tests of the shared cache (marker ``redis``).

``redis_server`` (session) starts the checkout's Redis through
``scripts/services/redis`` (which installs Debian's redis-server when it is
missing and it may) and stops it at the end if it started it. Without
redis-server the tests are skipped, saying why; with CI=true that fails.

The tests use a database of that Redis of their own (1, or 1 + the number of
the pytest-xdist worker; ``make run`` would use 0), emptied before each test.
A test that stops Redis (``RedisServer.stopped``) takes an exclusive lock
that the others take shared, so that two pytest-xdist workers never see
Redis vanish under them.

``node(*args)`` runs ``tests/support/redis_node.py`` in another Python
process: another web node, with its own settings read from the environment
(``config.settings.dev`` with ``REDIS_URL``), on the same Redis.
"""

import fcntl
import json
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SCRIPT = BASE_DIR / "scripts" / "services" / "redis"
LOCK_FILE = BASE_DIR / ".services" / "redis.tests.lock"
# One database per pytest-xdist worker ("gw0" → 1), so that one worker's
# flush never empties another's counters.
TEST_DB = 1 + int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


class RedisServer:
    def __init__(self, url):
        self.url = url.rsplit("/", 1)[0] + f"/{TEST_DB}"

    def flush(self):
        import redis

        redis.Redis.from_url(self.url).flushdb()

    @contextmanager
    def lock(self, exclusive=False):
        LOCK_FILE.parent.mkdir(exist_ok=True)
        with open(LOCK_FILE, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    @contextmanager
    def stopped(self):
        """Redis really stopped (the process gone), started again after. The
        caller holds ``lock(exclusive=True)``."""
        result = run_script("stop")
        assert result.returncode == 0, result.stderr
        assert not is_running()
        try:
            yield
        finally:
            start()

    def node(self, *args):
        """Run ``redis_node.py`` with ``args`` on another "node"; its JSON."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "PYTEST_"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.dev",
            REDIS_URL=self.url,
            # The same secret as the test settings: session hashes and the
            # salted rate-limit keys must agree between the nodes.
            SECRET_KEY="tests-only-not-a-secret",
            DATABASE_URL="sqlite:///:memory:",
            SEARCH_BACKEND="database",
        )
        result = subprocess.run(
            [sys.executable, "-m", "tests.support.redis_node", *map(str, args)],
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout.strip().splitlines()[-1])


def run_script(command):
    return subprocess.run(
        [str(SCRIPT), command], capture_output=True, text=True, timeout=600
    )


def start():
    """The URL printed by ``scripts/services/redis start``; raises with the
    script's last words if it could not start."""
    result = run_script("start")
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or ["(aucun message)"]
        raise RuntimeError(
            "Redis n'a pas pu démarrer (scripts/services/redis start) : " + lines[-1]
        )
    return result.stdout.strip().removeprefix("REDIS_URL=")


def is_running():
    return run_script("status").returncode == 0
