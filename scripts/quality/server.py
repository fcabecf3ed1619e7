"""Start the real stack on the loopback for the load script and benchmarks:
PostgreSQL and Elasticsearch through scripts/services, a migrated and seeded
database, then gunicorn with production settings."""

import os
import secrets
import socket
import subprocess
import sys
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
    for line in (service("postgres"), service("elasticsearch")):
        key, _, value = line.partition("=")
        env[key] = value
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SEARCH_BACKEND="elasticsearch",
        ELASTICSEARCH_INDEX_PREFIX=prefix,
        EMAIL_URL="consolemail://",
    )
    return env


def manage(env, *args, quiet=True):
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def prepare(env):
    manage(env, "migrate", "--noinput")
    manage(env, "seed_demo")
    manage(env, "collectstatic", "--noinput")
    manage(env, "update_index")


class Gunicorn:
    def __init__(self, env, workers=4, threads=4):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        log_path = ROOT / ".cache" / "load" / "gunicorn.log"
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self.log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115
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
