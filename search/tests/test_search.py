"""The search pages, on whichever back end the run configures (database or
Elasticsearch): the same behaviour is expected from both."""

from django.core.management import call_command

import pytest

from home.models import HomePage
from home.tests.utils import make_standard_page

pytestmark = [pytest.mark.django_db, pytest.mark.search]


@pytest.fixture(autouse=True)
def fresh_index():
    # The Elasticsearch back end indexes asynchronously to the test transaction;
    # rebuilding makes both back ends start from the database's content.
    from django.conf import settings

    if settings.SEARCH_BACKEND == "elasticsearch":
        call_command("update_index", verbosity=0)


def search_json(client, **params):
    response = client.get("/recherche/api/", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_json_api_has_the_design_shape(client):
    data = search_json(client, q="glossaire")
    assert set(data) == {"count", "results", "facets"}
    assert data["count"] >= 1
    hit = next(hit for hit in data["results"] if hit["url"] == "/ressources/glossaire/")
    assert set(hit) == {"title", "url", "type", "snippet"}
    assert hit["title"] == "Glossaire"
    assert "co-design" in hit["snippet"]


def test_empty_query_returns_nothing(client):
    assert search_json(client, q="   ") == {"count": 0, "results": [], "facets": {}}


def test_drafts_and_private_pages_are_never_found(client):
    from wagtail.models import PageViewRestriction

    home = HomePage.objects.get()
    make_standard_page(home, "Parangonnage confidentiel", live=False)
    private = make_standard_page(home, "Parangonnage réservé")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_standard_page(home, "Parangonnage public")
    from django.conf import settings

    if settings.SEARCH_BACKEND == "elasticsearch":
        call_command("update_index", verbosity=0)
    titles = [hit["title"] for hit in search_json(client, q="parangonnage")["results"]]
    assert titles == ["Parangonnage public"]


def test_html_page_shows_results_and_survives_bad_page_numbers(client):
    response = client.get("/recherche/", {"q": "bibliographie", "page": "zzz"})
    assert response.status_code == 200
    content = response.content.decode()
    assert 'href="/ressources/bibliographie/"' in content
    assert "résultat" in content


def test_html_page_without_query_shows_the_form(client):
    response = client.get("/recherche/")
    assert response.status_code == 200
    assert 'id="recherche-page-q"' in response.content.decode()
