"""``make run`` (scripts/run) on a fresh database: the site, the scheduler and
one framed block printed last with the administrator's password; links on the
port it serves; Ctrl-C stops the whole process tree."""

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def processes_in_session(sid):
    out = subprocess.run(
        ["ps", "-eo", "sid=,pid=,args="], capture_output=True, text=True, check=True
    ).stdout
    return [
        line
        for line in out.splitlines()
        if line.split(None, 1)[0] == str(sid) and "ps -eo" not in line
    ]


def test_make_run_serves_schedules_prints_the_password_last_and_stops(tmp_path):
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DJANGO_SETTINGS_MODULE",
            "BASE_URL",
            "SEARCH_BACKEND",
            "PYTEST_XDIST_WORKER",
        }
    }
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'run.sqlite3'}",
        PORT=str(port),
        PYTHONUNBUFFERED="1",
    )
    process = subprocess.Popen(
        ["bash", "scripts/run"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # like a terminal: its own session and group
    )
    lines = []
    try:
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            lines.append(line.rstrip("\n"))
            if line.startswith("╚"):
                break
        output = "\n".join(lines)
        assert lines and lines[-1].startswith("╚"), output[-3000:]

        frame = output[output.rindex("╔") :]
        before = output[: output.rindex("╔")]
        assert re.search(r"║ +mot de passe : \S{15,}", frame), frame
        assert f"http://127.0.0.1:{port}/admin/" in frame
        assert "Planificateur démarré" in before
        assert "Starting development server" in before
        assert "Contenu de démonstration à jour." in before

        base = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(base + "/sitemap.xml", timeout=30) as response:  # noqa: S310
            sitemap = response.read().decode()
        locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
        assert locations and all(loc.startswith(base + "/") for loc in locations)

        # Ctrl-C in a terminal signals the foreground group: the script's.
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=60)
        time.sleep(1)
        assert processes_in_session(process.pid) == []
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        for line in processes_in_session(process.pid):
            os.kill(int(line.split()[1]), signal.SIGKILL)
