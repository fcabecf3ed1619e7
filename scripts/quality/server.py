"""Start the real stack on the loopback for the load script and benchmarks:
PostgreSQL and Elasticsearch through scripts/services, a migrated and seeded
database with both search indexes built, then gunicorn with production
settings and the background worker (``manage.py db_worker``: search indexing,
e-mails), kept running as a process manager would."""

import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python")


def service(name, action="start"):
    result = subprocess.run(
        [str(ROOT / "scripts" / "services" / name), action],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if action == "start" and result.returncode != 0:
        sys.exit(f"{name} n'a pas pu démarrer :\n{result.stderr[-2000:]}")
    return result.stdout.strip()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(prefix="ecommunaute_load_"):
    env = dict(os.environ)
    # Services already running elsewhere (a shared machine, several checkouts)
    # are named by DATABASE_URL and ELASTICSEARCH_URL: used as they are.
    if not (env.get("DATABASE_URL") and env.get("ELASTICSEARCH_URL")):
        for line in (service("postgres"), service("elasticsearch")):
            key, _, value = line.partition("=")
            env[key] = value
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        BASE_URL="http://127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SEARCH_BACKEND="elasticsearch",
        ELASTICSEARCH_INDEX_PREFIX=prefix,
        EMAIL_URL="consolemail://",
        # One proxy in front, as in production: the simulated members send
        # the address it would forward (X-Forwarded-For), one each.
        TRUSTED_PROXY_COUNT="1",
    )
    return env


def manage(env, *args):
    """A management command, its output in .cache/load/prepare.log."""
    with log_file("prepare.log") as log:
        log.write(f"\n$ manage.py {' '.join(args)}\n")
        log.flush()
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} a échoué : voir .cache/load/prepare.log")


def prepare(env):
    log_file("prepare.log", "w").close()
    manage(env, "migrate", "--noinput")
    manage(env, "seed_demo")
    manage(env, "collectstatic", "--noinput")
    # Work queued by the seeding (reference index, Wagtail's admin search,
    # site search) is done once here, as the worker would, so that a
    # measured run starts with an empty queue.
    manage(env, "db_worker", "--batch", "--interval", "0")
    manage(env, "update_index")


def reindex(env):
    """The site search's own index, in the database and in Elasticsearch."""
    manage(env, "search_reindex")


def log_file(name, mode="a"):
    path = ROOT / ".cache" / "load" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    return open(path, mode, encoding="utf-8")  # noqa: SIM115


class Worker:
    """``manage.py db_worker``, restarted when it exits (it stops on a lost
    database, as it would under systemd's ``Restart=always``)."""

    def __init__(self, env, name="worker"):
        self.env = env
        self.log = log_file(f"{name}-worker.log", "w")
        self.running = True
        self.restarts = 0
        self.process = None
        self.thread = threading.Thread(target=self.supervise, daemon=True)
        self.thread.start()

    def supervise(self):
        while self.running:
            self.process = subprocess.Popen(
                [PYTHON, "manage.py", "db_worker"],
                cwd=ROOT,
                env=self.env,
                stdout=self.log,
                stderr=subprocess.STDOUT,
            )
            self.process.wait()
            if self.running:
                self.restarts += 1
                time.sleep(1)

    def stop(self):
        self.running = False
        while self.thread.is_alive():
            if self.process is not None and self.process.poll() is None:
                self.process.terminate()
            self.thread.join(timeout=1)
        self.log.close()


class Gunicorn:
    def __init__(self, env, name="gunicorn", workers=4, threads=4):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log_file(f"{name}-gunicorn.log", "w")
        self.process = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--worker-class",
                "gthread",
                "--timeout",
                "30",
                # Longer than a member's pause between two requests: a
                # keep-alive connection closed by the server just as the
                # client reuses it is reset (a proxy in front hides this).
                "--keep-alive",
                "10",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url + "/", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        self.stop()
        sys.exit("gunicorn n'a pas répondu en 60 s.")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()
