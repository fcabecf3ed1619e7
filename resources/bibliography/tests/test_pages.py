"""The library page (filters, pagination, query counts), reference pages and
the feed, as a visitor sees them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from taggit.models import Tag

import pytest

from home.models import Theme

from .utils import bulk_references, library, make_reference

pytestmark = pytest.mark.django_db

URL = "/ressources/bibliographie/"


class TestLibraryPage:
    def test_lists_the_demo_references_in_iso_690(self, client):
        response = client.get(URL)
        assert response.status_code == 200
        content = response.content.decode()
        assert (
            "LÉVY, Pierre, 1994. <i>L&#x27;intelligence collective" in content
            or "LÉVY, Pierre, 1994. <i>L'intelligence collective" in content
        )
        assert "Paris\xa0: La Découverte." in content

    def test_links_its_feeds(self, client):
        content = client.get(URL).content.decode()
        assert (
            '<link rel="alternate" type="application/atom+xml"' in content
            and f'href="{URL}flux/"' in content
        )
        assert f'href="{URL}flux/rss/"' in content

    def test_filters_combine_in_the_url(self, client):
        theme = Theme.objects.get(slug="sante-publique")
        make_reference(
            title="Prévention en santé dans les quartiers",
            reference_type="report",
            year=2021,
            themes=[theme],
            tags=["prévention"],
        )
        make_reference(
            title="Santé et territoires",
            reference_type="book",
            year=2021,
            themes=[theme],
        )
        response = client.get(URL, {"theme": "sante-publique", "type": "report"})
        titles = [ref.title for ref, _citation in response.context["citations"]]
        assert titles == ["Prévention en santé dans les quartiers"]
        assert "theme=sante-publique" in response.context["query_string"]
        tag = Tag.objects.get(name="prévention")
        response = client.get(URL, {"year": "2021", "tag": tag.slug})
        assert [r.title for r, _c in response.context["citations"]] == [
            "Prévention en santé dans les quartiers"
        ]

    def test_text_query_matches_title_words_and_authors(self, client):
        response = client.get(URL, {"q": "scharmer"})
        assert [r.slug for r, _c in response.context["citations"]] == [
            "scharmer-theory-u"
        ]
        response = client.get(URL, {"q": "Bason innovation"})
        assert [r.slug for r, _c in response.context["citations"]] == [
            "bason-leading-public-sector-innovation"
        ]

    def test_a_long_query_keeps_its_first_words_and_says_so(self, client):
        words = "scharmer " + " ".join(f"x{n}" for n in range(1, 11))
        page = client.get(URL, {"q": words}).content.decode()
        assert "Seuls les 8 premiers mots sont pris en compte" in page
        assert "3 mots ont été ignorés" in page
        page = client.get(URL, {"q": "scharmer"}).content.decode()
        assert "premiers mots" not in page

    def test_bad_filter_values_are_ignored_not_errors(self, client):
        response = client.get(
            URL, {"year": "deux-mille", "type": "poème", "page": "abc", "theme": "x"}
        )
        assert response.status_code == 200
        assert response.context["children"].paginator.count >= 12

    def test_unpublished_references_are_not_listed(self, client):
        make_reference(title="Brouillon secret", live=False)
        assert "Brouillon secret" not in client.get(URL).content.decode()

    @pytest.mark.parametrize("count", [10, 1000])
    def test_constant_number_of_queries(self, client, count):
        client.get(URL)  # warm caches that are not the listing's (site, settings)
        bulk_references(count)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL, {"page": 2})
        assert response.status_code == 200
        assert response.context["children"].paginator.count == count + 18
        assert len(queries) <= 20, "\n".join(q["sql"][:150] for q in queries)

    def test_query_count_does_not_grow_with_the_library(self, client):
        client.get(URL)
        bulk_references(10)
        with CaptureQueriesContext(connection) as small:
            client.get(URL)
        bulk_references_more = bulk_references  # same builder, more rows
        bulk_references_more(990)
        with CaptureQueriesContext(connection) as large:
            client.get(URL)
        assert len(small) == len(large)


class TestReferencePage:
    def test_shows_citation_abstract_links_and_exports(self, client):
        page = make_reference(
            title="Un article",
            reference_type="article-journal",
            container_title="Revue & Société",
            year=2020,
            doi="10.1000/exemple",
            abstract="Le résumé.",
            tags=["design"],
            language="fr",
        )
        response = client.get(page.url)
        content = response.content.decode()
        assert response.status_code == 200
        assert "<i>Revue &amp; Société</i>" in content
        assert 'href="https://doi.org/10.1000/exemple"' in content
        assert "Le résumé." in content
        assert "rançais" in content
        assert 'href="?format=bibtex"' in content
        assert f'href="{library().url}?tag=design"' in content

    def test_unknown_language_code_is_shown_as_is(self, client):
        page = make_reference(title="Langue rare", language="xx-yy")
        assert "xx-yy" in client.get(page.url).content.decode()

    def test_related_references_share_a_theme_or_tag(self, client):
        first = make_reference(title="Premier", tags=["communs"])
        second = make_reference(title="Second", tags=["communs"])
        make_reference(title="Sans rapport", tags=["autre chose"])
        related = list(first.related_references())
        assert second in related
        assert all(ref.title != "Sans rapport" for ref in related)


class TestFeed:
    def test_atom_feed_lists_new_references(self, client):
        make_reference(title="Toute nouvelle référence", year=2024)
        response = client.get(URL + "flux/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/atom+xml")
        content = response.content.decode()
        assert "<title>Toute nouvelle référence</title>" in content
        assert "DUPONT, Jeanne, 2024." in content

    def test_rss_feed(self, client):
        response = client.get(URL + "flux/rss/")
        assert response.status_code == 200
        assert "<rss" in response.content.decode()
