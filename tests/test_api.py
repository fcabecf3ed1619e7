"""Wagtail API v2: read-only, and only what an anonymous visitor may see."""

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest

from home.models import HomePage
from home.tests.utils import make_standard_page

pytestmark = pytest.mark.django_db


def api_titles(client, endpoint="pages"):
    """Every title the endpoint lists, following its pagination."""
    titles, offset = set(), 0
    while True:
        response = client.get(f"/api/v2/{endpoint}/", {"limit": 50, "offset": offset})
        assert response.status_code == 200
        data = response.json()
        titles |= {item["title"] for item in data["items"]}
        offset += 50
        if offset >= data["meta"]["total_count"]:
            return titles


def test_pages_lists_live_public_pages(client):
    titles = api_titles(client)
    assert {"Glossaire", "Défis", "Ressources"} <= titles


def test_pages_hide_drafts_and_private_pages(client):
    home = HomePage.objects.get()
    make_standard_page(home, "Brouillon secret", live=False)
    private = make_standard_page(home, "Page réservée")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    titles = api_titles(client)
    assert "Brouillon secret" not in titles
    assert "Page réservée" not in titles
    detail = client.get(f"/api/v2/pages/{private.pk}/")
    assert detail.status_code == 404


def test_api_is_read_only(client):
    response = client.post("/api/v2/pages/", {"title": "x"})
    assert response.status_code == 405
    assert "x" not in api_titles(client)


def test_documents_of_private_collections_are_not_listed(client):
    root = Collection.get_first_root_node()
    public = root.add_child(name="Publique")
    private = root.add_child(name="Équipe")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    inner = private.add_child(name="Sous-dossier de l'équipe")
    for title, collection in [
        ("Programme public", public),
        ("Compte rendu interne", private),
        ("Notes internes", inner),
    ]:
        get_document_model().objects.create(
            title=title,
            collection=collection,
            file=SimpleUploadedFile(f"{title}.txt", b"contenu"),
        )
    titles = api_titles(client, "documents")
    assert "Programme public" in titles
    assert "Compte rendu interne" not in titles
    assert "Notes internes" not in titles


NUMBER_30_DIGITS = "9" * 30


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (f"/api/v2/pages/?offset={NUMBER_30_DIGITS}", "offset doit être un entier"),
        ("/api/v2/pages/?offset=-1", "offset doit être un entier"),
        ("/api/v2/pages/?search=a&search_operator=xor", "search_operator vaut"),
        ("/api/v2/pages/?search=%00", "« search » contient un caractère nul"),
        ("/api/v2/documents/?search=%00", "« search » contient un caractère nul"),
        ("/api/v2/images/?search=%00", "« search » contient un caractère nul"),
        ("/api/v2/pages/?locale=%00", "« locale » contient un caractère nul"),
        ("/api/v2/pages/find/?html_path=/%00", "« html_path » contient"),
        ("/api/v2/documents/?title=a%00b", "« title » contient un caractère nul"),
    ],
)
def test_bad_parameters_get_a_400_with_a_message(client, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert message in response.json()["message"]


@pytest.mark.parametrize("endpoint", ["pages", "documents", "images"])
@pytest.mark.parametrize(
    "search",
    ['a"b', "l'innovation (publique) NOT * ^ : -x", "« » — …", "a" * 300, "x " * 150],
)
def test_search_reads_words_whatever_the_punctuation(client, endpoint, search):
    response = client.get(f"/api/v2/{endpoint}/", {"search": search})
    assert response.status_code == 200
    assert "items" in response.json()


def test_search_still_finds_pages_through_quotes(client):
    response = client.get("/api/v2/pages/", {"search": '"Glossaire"'})
    assert response.status_code == 200
    titles = {item["title"] for item in response.json()["items"]}
    assert "Glossaire" in titles
    response = client.get(
        "/api/v2/pages/", {"search": "Glossaire", "search_operator": "OR"}
    )
    assert response.status_code == 200
