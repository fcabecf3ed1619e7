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


SUGGESTED = "Prototypage rapide"  # a method sheet of the demo…
LETTERS = "prototyp"  # …among other suggestions (glossary, programme)


def test_search_suggestions_by_keyboard(live, chromium):
    """Flèche bas parcourt les suggestions, Entrée ouvre la suggestion choisie,
    Échap les ferme et rend le focus au champ."""
    context = browser_context(chromium, live)
    page = context.new_page()
    journey = Journey(page, "clavier-suggestions")
    field = page.locator("#recherche-q")
    listbox = page.locator("#recherche-suggestions")
    options = listbox.get_by_role("option")

    def type_letters():
        page.goto(live("/"))
        field.focus()
        page.keyboard.type(LETTERS)
        options.first.wait_for()

    with journey.step("quelques lettres tapées proposent des suggestions"):
        type_letters()
        assert field.get_attribute("role") == "combobox"
        assert field.get_attribute("aria-expanded") == "true"
        titles = [text.split("\n")[0] for text in options.all_inner_texts()]
        assert SUGGESTED in titles, titles
        assert len(titles) > 1, titles
        assert field.get_attribute("aria-activedescendant") is None

    with journey.step("Flèche bas parcourt les suggestions"):
        for index in range(titles.index(SUGGESTED) + 1):
            page.keyboard.press("ArrowDown")
            option = options.nth(index)
            assert field.get_attribute("aria-activedescendant") == option.get_attribute(
                "id"
            )
            assert option.get_attribute("aria-selected") == "true"
            assert listbox.locator("[aria-selected=true]").count() == 1
            assert focused(page)["id"] == "recherche-q"

    with journey.step("Entrée ouvre la suggestion choisie"):
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator("h1").inner_text() == SUGGESTED

    with journey.step("Flèche haut revient au champ"):
        type_letters()
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowUp")
        assert field.get_attribute("aria-activedescendant") is None
        assert listbox.locator("[aria-selected=true]").count() == 0

    with journey.step("Échap ferme les suggestions, le focus reste dans le champ"):
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Escape")
        assert field.get_attribute("aria-expanded") == "false"
        assert listbox.is_hidden()
        assert field.get_attribute("aria-activedescendant") is None
        assert focused(page)["id"] == "recherche-q"
        # Escape closes the list only: what was typed stays.
        assert field.input_value() == LETTERS

    with journey.step("une réponse arrivée après Échap ne rouvre pas la liste"):
        held = []
        page.route("**/recherche/suggestions/**", lambda route: held.append(route))
        page.keyboard.type("g")
        for _ in range(50):
            if held:
                break
            page.wait_for_timeout(100)
        assert held, "aucune requête de suggestions"
        page.keyboard.press("Escape")
        with page.expect_response("**/recherche/suggestions/**"):
            held[0].continue_()
        page.wait_for_timeout(200)
        assert listbox.is_hidden()
        assert field.get_attribute("aria-expanded") == "false"
    context.close()


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
