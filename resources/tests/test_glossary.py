import pytest
from bs4 import BeautifulSoup

from resources.glossary_links import build_index, fold, link_terms_in_html
from resources.models import GlossaryIndexPage, GlossaryTermPage, first_letter
from resources.templatetags.resources_tags import link_glossary_terms

from .utils import make_method, make_term, page_html

pytestmark = pytest.mark.django_db


def index(*terms):
    return build_index(
        (pk, f"/g/{pk}/", names) for pk, names in enumerate(terms, start=1)
    )


def links(html):
    return [(a["href"], a.get_text()) for a in BeautifulSoup(html, "html.parser")("a")]


class TestLinkingRules:
    def test_links_a_term_with_a_real_link(self):
        html = link_terms_in_html(
            "<p>Un prototype simple.</p>", index(["prototype"]), set()
        )
        soup = BeautifulSoup(html, "html.parser")
        anchor = soup.find("a")
        assert anchor["href"] == "/g/1/"
        assert anchor.get_text().startswith("prototype")
        assert "glossaire" in anchor.find("span", class_="visually-hidden").text

    def test_at_most_once_per_page_even_across_fields(self):
        terms, linked = index(["prototype"]), set()
        first = link_terms_in_html("<p>prototype et prototype</p>", terms, linked)
        second = link_terms_in_html("<p>encore un prototype</p>", terms, linked)
        assert len(links(first)) == 1
        assert links(second) == []

    def test_never_inside_headings_or_existing_links(self):
        html = (
            "<h2>Le prototype</h2><p><a href='/x/'>un prototype</a></p>"
            "<h3>prototype</h3><p>Puis le prototype.</p>"
        )
        result = link_terms_in_html(html, index(["prototype"]), set())
        soup = BeautifulSoup(result, "html.parser")
        assert soup.h2.find("a") is None and soup.h3.find("a") is None
        assert [a["href"] for a in soup("a")] == ["/x/", "/g/1/"]
        assert soup("p")[1].a.get_text().startswith("prototype")

    def test_case_accents_and_plural_are_tolerated(self):
        terms = index(["Théorie U"], ["Équipe apprenante"], ["Tiers-lieu"])
        html = link_terms_in_html(
            "<p>La THEORIE U, les équipes apprenantes et deux tiers-lieux.</p>",
            terms,
            set(),
        )
        assert [text.split(" (")[0] for _, text in links(html)] == [
            "THEORIE U",
            "équipes apprenantes",
            "tiers-lieux",
        ]

    def test_whole_words_only(self):
        html = link_terms_in_html(
            "<p>Prototyper, un archiprototype, des EPCIs ?</p>",
            index(["prototype"], ["EPCI"]),
            set(),
        )
        assert [href for href, _ in links(html)] == ["/g/2/"]

    def test_longest_variant_wins(self):
        html = link_terms_in_html(
            "<p>Un territoire à énergie positive.</p>",
            index(["territoire"], ["territoire à énergie positive"]),
            set(),
        )
        assert links(html)[0][0] == "/g/2/"

    def test_fold_keeps_length(self):
        text = "Équipe « théorie » ŒUVRE"
        assert len(fold(text)) == len(text)
        assert fold("Équipe") == "equipe"


class TestGlossaryPages:
    def test_each_term_has_its_own_url_and_definition(self, client):
        term = GlossaryTermPage.objects.get(title="Parangonnage")
        content = page_html(client, term)
        assert "<h1>Parangonnage</h1>" in content
        assert "benchmarking" in content

    def test_a_to_z_index_has_letter_anchors(self, client):
        content = page_html(client, GlossaryIndexPage.objects.get())
        soup = BeautifulSoup(content, "html.parser")
        nav = soup.find("nav", class_="alphabet")
        assert nav.find("a", href="#lettre-p")
        assert soup.find("h2", id="lettre-p").text.strip() == "P"
        # A letter without terms is shown but is not a link.
        assert not nav.find("a", href="#lettre-k")
        section = soup.find("h2", id="lettre-p").find_parent("section")
        assert "Parangonnage" in section.text

    def test_letters_ignore_accents(self):
        assert first_letter("Équipe apprenante") == "E"
        assert first_letter("« Open lab »") == "O"
        assert first_letter("3D") == "#"

    def test_drafts_are_not_listed_nor_linked(self, client):
        make_term("Brouillonnage", live=False)
        content = page_html(client, GlossaryIndexPage.objects.get())
        assert "Brouillonnage" not in content
        method = make_method(
            "Méthode brouillonnage", objective="<p>Du brouillonnage.</p>"
        )
        assert "glossary-link" not in link_glossary_terms(
            "<p>brouillonnage</p>", method
        )

    def test_resource_pages_link_terms_once(self, client):
        method = make_method(
            "Atelier d'essai",
            objective="<p>Construire un prototype. Tester le prototype.</p>",
            tips="<p>Un prototype se jette.</p>",
        )
        content = page_html(client, method)
        prototype = GlossaryTermPage.objects.get(title="Prototype")
        assert content.count(f'href="{prototype.url}"') == 1
        assert 'class="glossary-link"' in content

    def test_a_term_page_does_not_link_to_itself(self, client):
        term = GlossaryTermPage.objects.get(title="Prototype")
        content = page_html(client, term)
        assert f'<a href="{term.url}" class="glossary-link"' not in content


def test_terms_cite_their_bibliography_sources(client):
    term = GlossaryTermPage.objects.get(title="Théorie U")
    reference = term.sources.get()
    content = page_html(client, term)
    assert f'<a href="{reference.url}">{reference.title}</a>' in content
    assert term in reference.glossary_terms.all()


def test_the_variant_of_equipe_apprenante_is_spelled_right():
    term = GlossaryTermPage.objects.get(title="Équipe apprenante")
    assert term.variants == ["équipes apprenantes"]
    assert "équipe apprenantes" not in term.synonyms


class TestLinkedOncePerRevision:
    """A page's text is linked in one pass, kept in the cache per revision of
    the page and version of the glossary, and linked again when either moves."""

    def test_a_page_is_linked_once_then_served_from_the_cache(
        self, client, monkeypatch
    ):
        from resources import glossary_links

        method = make_method(
            "Atelier de cache",
            objective="<p>Un prototype.</p>",
            tips="<p>Encore un prototype.</p>",
        )
        passes = []
        original = glossary_links.link_terms_in_html
        monkeypatch.setattr(
            glossary_links,
            "link_terms_in_html",
            lambda *args, **kw: passes.append(1) or original(*args, **kw),
        )
        prototype = GlossaryTermPage.objects.get(title="Prototype")
        first = page_html(client, method)
        assert len(passes) == 1  # every field of the page in one pass
        second = page_html(client, method)
        assert len(passes) == 1  # then from the cache
        for html in (first, second):
            assert html.count(f'class="glossary-link" href="{prototype.url}"') == 1

    def test_a_new_revision_of_the_page_is_linked_again(self, client):
        method = make_method("Atelier révisé", objective="<p>Rien.</p>")
        assert "glossary-link" not in page_html(client, method)
        method.objective = "<p>Un prototype, enfin.</p>"
        method.save_revision().publish()
        assert "glossary-link" in page_html(client, method)

    def test_publishing_unpublishing_deleting_a_term_changes_the_links(self, client):
        method = make_method("Atelier zorglub", objective="<p>Du zorglub.</p>")
        assert "glossary-link" not in page_html(client, method)
        term = make_term("Zorglub")
        linked = f'<a class="glossary-link" href="{term.url}"'
        assert linked in page_html(client, method)
        term.unpublish()
        assert linked not in page_html(client, method)
        term.save_revision().publish()
        assert linked in page_html(client, method)
        term.delete()
        assert "glossary-link" not in page_html(client, method)

    def test_with_the_cache_down_a_new_term_is_linked_at_once(
        self, client, unreachable_redis
    ):
        """Redis down: no version can be shared, so no compiled index is
        kept for the fallback one (a term saved on another node would
        otherwise never be linked on this one)."""
        method = make_method("Atelier sans cache", objective="<p>Du zorglub.</p>")
        assert "glossary-link" not in page_html(client, method)
        term = make_term("Zorglub")
        assert f'<a class="glossary-link" href="{term.url}"' in page_html(
            client, method
        )

    def test_the_cache_key_names_the_revision_and_the_glossary_version(self, client):
        from django.core.cache import cache

        from resources.glossary_links import bump_glossary_version, glossary_version

        method = make_method("Atelier clé", objective="<p>Un prototype.</p>")
        page_html(client, method)
        version = glossary_version()
        keys = [
            k for k in cache._cache if f":{method.latest_revision_id}:{version}:" in k
        ]
        assert len(keys) == 1
        bump_glossary_version()
        assert glossary_version() != version
