"""The page-sections registry (home/sections.py) and its template tag."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.template import engines
from django.test import RequestFactory

import pytest

from home import sections


@pytest.fixture(autouse=True)
def empty_registry(monkeypatch):
    """These tests see only the sections they register, not the apps' own."""
    monkeypatch.setattr(
        sections, "_registry", {target: {} for target in sections.TARGETS}
    )


def render(target, obj=None, user=None):
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    template = engines["django"].from_string(
        '{% load home_tags %}<main>{% page_sections "' + target + '" obj %}</main>'
    )
    return template.render({"obj": obj, "request": request})


class TestRegistry:
    def test_sections_render_in_order_each_in_a_labelled_region(self, page_section):
        page_section("members.team", "<p>deuxième</p>", key="b", order=20)
        page_section("members.team", "<p>troisième</p>", key="c", order=20)
        page_section("members.team", "<p>première</p>", key="a", order=10)
        html = render("members.team")
        assert html.index("première") < html.index("deuxième") < html.index("troisième")
        for key in "abc":
            heading_id = f"section-members-team-{key}"
            assert f'<section class="page-section page-section--{key}" ' in html
            assert f'aria-labelledby="{heading_id}"' in html
            assert f'<h2 id="{heading_id}">Section d&#x27;essai {key}</h2>' in html

    def test_a_section_whose_context_is_none_is_hidden(self, page_section):
        page_section("members.team", "<p>visible</p>", key="shown")
        page_section(
            "members.team", "<p>cachée</p>", key="hidden", context=lambda r, o: None
        )
        html = render("members.team")
        assert "visible" in html
        assert "cachée" not in html
        assert "section-members-team-hidden" not in html

    def test_context_receives_request_and_object(self, page_section):
        seen = []

        def context(request, obj):
            seen.append((request.path, obj))
            return {"count": 3}

        page_section(
            "members.dashboard",
            "<p>{{ count }} pour {{ object }} ({{ user.is_authenticated }})</p>",
            context=context,
        )
        html = render("members.dashboard", obj="l'objet")
        assert seen == [("/", "l'objet")]
        assert "3 pour l&#x27;objet (False)" in html

    def test_titles_and_values_are_escaped(self, page_section):
        payload = "<script>alert(1)</script>"
        page_section(
            "events.edition",
            "<p>{{ text }}</p>",
            context=lambda r, o: {"text": payload, "title": f"Titre {payload}"},
        )
        html = render("events.edition")
        assert "<script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "Titre &lt;script&gt;" in html

    def test_the_context_may_give_the_title(self, page_section):
        page_section(
            "challenges.challenge",
            "<p>corps</p>",
            context=lambda r, o: {"title": "Titre dynamique (2)"},
        )
        assert "Titre dynamique (2)</h2>" in render("challenges.challenge")

    def test_no_section_renders_nothing(self):
        assert render("members.community") == "<main></main>"

    def test_registering_the_same_key_replaces(self, page_section):
        page_section("members.team", "<p>ancienne</p>", key="meme")
        page_section("members.team", "<p>nouvelle</p>", key="meme")
        html = render("members.team")
        assert "nouvelle" in html and "ancienne" not in html

    def test_unknown_target_or_bad_key_is_refused(self):
        with pytest.raises(ImproperlyConfigured):
            sections.register_section("nowhere", "k", "t.html", lambda r, o: {})
        with pytest.raises(ImproperlyConfigured):
            sections.register_section(
                "members.team", "a b", "t.html", lambda r, o: {}, title="x"
            )
        with pytest.raises(ImproperlyConfigured):
            render("nowhere")

    def test_a_section_without_title_is_a_programming_error(self, page_section):
        page_section("members.team", "<p>x</p>", key="sans-titre", title=None)
        with pytest.raises(ImproperlyConfigured):
            render("members.team")
