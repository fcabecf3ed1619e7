"""Keyboard-only navigation: the main menu by Tab, the search box, and a form
with errors whose summary receives the focus."""

import pytest

from tests.support.browser import Journey
from tests.support.sessions import browser_context

pytestmark = pytest.mark.browser


def focused(page):
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {id: e.id, text: (e.innerText || '').trim(), tag: e.tagName,"
        " outline: getComputedStyle(e).outlineStyle,"
        " shadow: getComputedStyle(e).boxShadow,"
        " inMenu: !!e.closest('#menu-principal'),"
        " summary: e.hasAttribute('data-error-summary')}; }"
    )


def test_main_menu_by_tab(live, chromium):
    context = browser_context(chromium, live)
    page = context.new_page()
    journey = Journey(page, "clavier-menu")
    with journey.step("le lien d'évitement mène au menu"):
        page.goto(live("/"))
        for _ in range(2):  # « Aller au contenu », then « Aller au menu »
            page.keyboard.press("Tab")
        assert focused(page)["text"] == "Aller au menu"
        page.keyboard.press("Enter")
    with journey.step("chaque entrée du menu reçoit le focus, visible"):
        expected = page.locator("#menu-principal-liste a").all_inner_texts()
        assert len(expected) >= 5
        reached = []
        for _ in range(len(expected) + 15):
            page.keyboard.press("Tab")
            now = focused(page)
            if now["inMenu"]:
                reached.append(now["text"])
                assert now["outline"] != "none" or now["shadow"] != "none", now
            elif reached:
                break
        assert reached == [text.strip() for text in expected]
    with journey.step("Entrée ouvre la rubrique"):
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Enter")
        page.wait_for_load_state()
        assert page.url != live("/")
    context.close()


def test_search_box_by_keyboard(live, chromium):
    context = browser_context(chromium, live)
    page = context.new_page()
    journey = Journey(page, "clavier-recherche")
    with journey.step("le lien d'évitement mène à la boîte de recherche"):
        page.goto(live("/"))
        for _ in range(3):
            page.keyboard.press("Tab")
        assert focused(page)["text"] == "Aller à la recherche"
        page.keyboard.press("Enter")
        assert focused(page)["id"] == "recherche-q"
    with journey.step("une recherche tapée au clavier"):
        page.keyboard.type("glossaire")
        page.keyboard.press("Enter")
        page.wait_for_url("**/recherche/?q=glossaire")
        assert page.locator("main a").count() > 0
    context.close()


@pytest.mark.skip(reason="needs issue 8 (suggestions de la boîte de recherche)")
def test_search_suggestions_by_keyboard(live, chromium):
    """Flèche bas parcourt les suggestions, Entrée ouvre la suggestion choisie,
    Échap les ferme et rend le focus au champ."""


def test_form_errors_move_focus_to_the_summary(live, chromium):
    context = browser_context(chromium, live)
    page = context.new_page()
    journey = Journey(page, "clavier-erreurs")
    with journey.step("inscription avec deux mots de passe différents, au clavier"):
        page.goto(live("/comptes/signup/"))
        page.focus("input[name=email]")
        page.keyboard.type("clavier@example.org")
        for name, text in (("display_name", "Clavier"), ("password1", "court")):
            page.focus(f"input[name={name}]")
            page.keyboard.type(text)
        page.focus("input[name=password2]")
        page.keyboard.type("autre")
        page.focus("input[name=accept_terms]")
        page.keyboard.press("Space")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    with journey.step("le focus est sur le résumé des erreurs"):
        assert focused(page)["summary"], focused(page)
        first_error = page.locator("[data-error-summary] a").first
        assert first_error.is_visible()
    with journey.step("le lien d'une erreur mène au champ"):
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        assert focused(page)["tag"] in {"INPUT", "TEXTAREA", "SELECT"}
    context.close()
