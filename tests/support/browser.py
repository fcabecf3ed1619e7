"""Chromium driven by Playwright: Debian's browser, never a downloaded one.

``Journey`` turns a browser test into named steps: every step leaves a
screenshot in ``artifacts/`` (ignored by git), and a failing step is named in
the failure message with the path of its screenshot.
"""

import os
import re
import shutil
import unicodedata
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
]
ARTIFACTS = Path(settings.BASE_DIR) / "artifacts"
AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"


def chromium_missing_reason():
    """Why the browser suites cannot run here, or None when they can."""
    if not Path(CHROMIUM).exists():
        return f"Chromium introuvable ({CHROMIUM}) : lancez scripts/ensure-chromium."
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright n'est pas installé (requirements-dev.txt)."
    return None


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)


def slug(text):
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60]


class Journey:
    """The named steps of one browser test, each with its screenshot."""

    def __init__(self, page, name):
        self.page = page
        self.folder = ARTIFACTS / "e2e" / slug(name)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.count = 0

    def screenshot(self, title, suffix=""):
        path = self.folder / f"{self.count:02d}-{slug(title)}{suffix}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    @contextmanager
    def step(self, title):
        self.count += 1
        try:
            yield
        except Exception as error:
            try:
                shot = self.screenshot(title, "-ECHEC")
            except Exception:  # the page itself may be gone
                shot = "(capture impossible)"
            raise AssertionError(
                f"Étape {self.count} « {title} » en échec : {error}\n"
                f"Capture : {shot} — page : {self.page.url}"
            ) from error
        self.screenshot(title)
