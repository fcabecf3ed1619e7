"""Reflow (WCAG 2.1 — 1.4.10, RGAA 10.11): no page scrolls sideways, at 320
CSS pixels as at 1280, even with a 10,000-character word without a space (a
pasted link, a search query): it wraps, the header's search field included."""

import pytest

from home.models import HomePage, StandardPage
from tests.support.browser import Journey
from tests.support.sessions import browser_context

pytestmark = pytest.mark.browser

WORD = "m" * 10_000


def long_word_page():
    page = StandardPage.objects.filter(slug="mot-sans-fin").first()
    if page is None:
        page = StandardPage(
            title="Mot sans fin " + "t" * 200,
            slug="mot-sans-fin",
            intro=WORD,
            body=[("paragraph", f"<p>{WORD}</p>")],
        )
        HomePage.objects.get().add_child(instance=page)
        page.save_revision().publish()
    return page


def sideways(page):
    return page.evaluate(
        "() => document.documentElement.scrollWidth"
        " - document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("width", [320, 1280])
def test_a_10000_character_word_wraps(live, chromium, width):
    long_word_page()
    context = browser_context(chromium, live, viewport={"width": width, "height": 800})
    page = context.new_page()
    journey = Journey(page, f"mot-tres-long-{width}")
    with journey.step("une page dont le texte porte un mot de 10 000 caractères"):
        page.goto(live("/mot-sans-fin/"))
        assert page.locator("h1").inner_text().startswith("Mot sans fin")
        assert sideways(page) <= 0
    with journey.step("une recherche de 10 000 caractères sans espace"):
        response = page.goto(live(f"/recherche/?q={WORD}"))
        assert response.status == 200
        assert "Votre recherche était trop longue" in page.inner_text("main")
        assert sideways(page) <= 0
    with journey.step("le champ de recherche de l'en-tête reste dans la page"):
        box = page.locator("#recherche-q").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        assert page.get_attribute("#recherche-q", "maxlength") == "200"
    context.close()
