"""The object store of the tests: SeaweedFS through scripts/services/objectstore.

``objectstore_url`` (a session fixture, registered by the root conftest) starts
it once per run when its binary is built, and skips with the reason otherwise
(``scripts/services/objectstore build`` builds it once per machine, minutes on
2 cores). A run that started it stops it at its end — with pytest-xdist, the
controller does, once every worker is done (``stop_if_started``), never a worker
while another may still use it. A store already running is left running.
"""

import os
import subprocess
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
SCRIPT = REPO / "scripts" / "services" / "objectstore"
MARKER = REPO / ".services" / "objectstore.started-by-tests"
RUN = "ECOMMUNAUTE_TEST_RUN"


def script(*args):
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, timeout=600, check=False
    )


def name_the_run():
    """In the controller (or a run without xdist), before workers start: a name
    they inherit, so that the marker says which run started the store."""
    os.environ.setdefault(RUN, uuid.uuid4().hex)


def start():
    built = script("built")
    if built.returncode != 0:
        pytest.skip(
            "SeaweedFS n'est pas construit ici (" + built.stdout.strip() + ") : "
            "« scripts/services/objectstore build » le construit une fois "
            "(quelques minutes)."
        )
    was_running = script("status").returncode == 0
    started = script("start")
    if started.returncode != 0:
        pytest.fail("scripts/services/objectstore start a échoué :\n" + started.stderr)
    line = started.stdout.strip()
    if not line.startswith("OBJECTSTORE_URL="):
        pytest.fail(f"scripts/services/objectstore start a affiché « {line} »")
    if not was_running:
        MARKER.write_text(os.environ.get(RUN, ""))
    return line.split("=", 1)[1]


def stop_if_started():
    """At the end of the run (the controller's, with xdist)."""
    if MARKER.exists() and MARKER.read_text() == os.environ.get(RUN, ""):
        script("stop")
        MARKER.unlink(missing_ok=True)
