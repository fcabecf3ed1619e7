"""The search pages and API, on whichever back end the run configures
(database on SQLite or PostgreSQL, or Elasticsearch): same expectations."""

from django.conf import settings
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from home.models import HomePage
from home.tests.utils import make_standard_page

pytestmark = [pytest.mark.django_db, pytest.mark.search]


def search_json(client, **params):
    response = client.get("/recherche/api/", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def titles(client, q, **params):
    return [hit["title"] for hit in search_json(client, q=q, **params)["results"]]


def test_json_api_has_the_design_shape(client):
    data = search_json(client, q="glossaire")
    assert {"count", "results", "facets"} <= set(data)
    assert data["count"] >= 1
    hit = next(hit for hit in data["results"] if hit["url"] == "/ressources/glossaire/")
    assert {"title", "url", "type", "snippet"} <= set(hit)
    assert hit["title"] == "Glossaire"
    assert set(data["facets"]) >= {"type", "theme", "site", "year", "community"}


def test_accents_plurals_and_elisions(client):
    assert titles(client, "equipe apprenante")[0] == "Équipe apprenante"
    assert titles(client, "équipes apprenantes")[0] == "Équipe apprenante"
    assert "Usager" in titles(client, "l'usager")[:3]
    assert titles(client, "THEORIE u")[0] == "Théorie U"


def test_highlighted_snippet(client):
    hit = search_json(client, q="consentement")["results"][0]
    assert "<mark>" in hit["snippet_html"].lower()
    assert "<mark>" not in hit["snippet"]


def test_did_you_mean_corrects_a_typo(client):
    data = search_json(client, q="sociocracie")
    assert data["results"][0]["title"] == "Sociocratie"
    assert data["corrected_from"] == "sociocracie"
    assert data["suggestion"] == "sociocratie"


def test_filters_and_facets_combine(client):
    everything = search_json(client, q="équipe")
    assert everything["facets"]["type"]["fiche-role"] >= 3
    roles_only = search_json(client, q="équipe", type="fiche-role")
    assert roles_only["count"] == everything["facets"]["type"]["fiche-role"]
    assert {hit["type"] for hit in roles_only["results"]} == {"fiche-role"}


def test_sort_by_date(client, indexed):
    home = HomePage.objects.get()
    make_standard_page(home, "Zorglubisation ancienne")
    make_standard_page(home, "Zorglubisation récente")
    assert titles(client, "zorglubisation", sort="date")[0] == "Zorglubisation récente"


def test_results_show_their_date(client, indexed):
    page = make_standard_page(HomePage.objects.get(), "Zorglubisation datée")
    html = client.get("/recherche/", {"q": "zorglubisation"}).content.decode()
    published = page.last_published_at or page.first_published_at
    local_day = timezone.localtime(published).date().isoformat()
    assert f'<time datetime="{local_day}' in html


def test_drafts_private_and_unpublished_pages_are_never_found(client, indexed):
    home = HomePage.objects.get()
    make_standard_page(home, "Zorglubisation confidentielle", live=False)
    private = make_standard_page(home, "Zorglubisation réservée")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_standard_page(home, "Zorglubisation publique")
    unpublished = make_standard_page(home, "Zorglubisation retirée")
    unpublished.unpublish()
    assert titles(client, "zorglubisation") == ["Zorglubisation publique"]
    html = client.get("/recherche/", {"q": "zorglubisation"}).content.decode()
    assert (
        "confidentielle" not in html
        and "réservée" not in html
        and "retirée" not in html
    )

    from community.members.tests.utils import make_user

    client.force_login(make_user("lectrice"))
    assert set(titles(client, "zorglubisation")) == {
        "Zorglubisation publique",
        "Zorglubisation réservée",
    }


def test_visibility_change_is_reflected(client, indexed):
    page = make_standard_page(HomePage.objects.get(), "Zorglubisation mouvante")
    assert titles(client, "zorglubisation") == ["Zorglubisation mouvante"]
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="login"
    )
    assert titles(client, "zorglubisation") == []
    restriction.delete()
    assert titles(client, "zorglubisation") == ["Zorglubisation mouvante"]
    page.unpublish()
    assert titles(client, "zorglubisation") == []


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "   "},
        {"q": "x" * 10_000},
        {"q": '"'},
        {"q": "*"},
        {"q": "title:(foo"},
        {"q": "\\"},
        {"q": "' OR 1=1 --"},
        {"q": "équipe", "type": "inconnu"},
        {"q": "équipe", "year": "deux-mille"},
        {"q": "équipe", "page": "-1"},
        {"q": "équipe", "page": "1000000000"},
        {"q": "équipe", "page": "abc"},
        {"q": "équipe", "sort": "n'importe"},
    ],
)
def test_bad_input_never_fails(client, params):
    for url in ("/recherche/", "/recherche/api/", "/recherche/suggestions/"):
        response = client.get(url, params)
        assert response.status_code == 200, (url, params)
        body = response.content.decode()
        assert "Traceback" not in body and "parse" not in body.lower()


def test_page_out_of_range_is_clamped(client):
    data = search_json(client, q="équipe", page=10**9)
    assert data["count"] > 0
    assert data["results"], "the last page is shown"


def test_autocomplete_suggestions(client):
    data = client.get("/recherche/suggestions/", {"q": "soc"}).json()
    assert "Sociocratie" in [item["title"] for item in data["results"]]
    assert client.get("/recherche/suggestions/", {"q": "s"}).json() == {"results": []}


def test_html_page_with_facets_and_highlights(client):
    response = client.get("/recherche/", {"q": "immersion"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "<mark>" in content.lower()
    assert "Type de contenu" in content
    assert (
        'href="/ressources/glossaire/immersion/"' in content or "Immersion" in content
    )


def test_header_search_box_works_without_javascript(client):
    content = client.get("/").content.decode()
    assert 'action="/recherche/"' in content
    assert 'name="q"' in content


def test_backend_in_use_is_the_configured_one(client):
    from search import service

    assert service.elasticsearch_enabled() == (
        settings.SEARCH_BACKEND == "elasticsearch"
    )


def test_rolled_back_writes_are_not_indexed(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_standard_page(HomePage.objects.get(), "Zorglubisation annulée")
    # The transaction did not commit: nothing ran, nothing is searchable.
    assert callbacks, "indexing waits for the commit"
    assert titles(client, "zorglubisation") == []
