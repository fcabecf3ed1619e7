from xml.etree import ElementTree

from wagtail.models import PageViewRestriction

import pytest

from resources.models import GlossaryIndexPage, MethodIndexPage, ResourcesIndexPage

from .utils import make_method, make_term

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)  # noqa: S314 — our own feed
    return [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]


def test_the_all_resources_feed_lists_new_entries_not_libraries(client):
    make_method("Toute nouvelle méthode")
    titles = entries(client, "/ressources/flux/")
    assert titles[0] == "Toute nouvelle méthode"
    assert "Glossaire" not in titles and "Rôles" not in titles


def test_library_feeds_list_their_own_entries(client):
    make_term("Terme tout neuf")
    assert "Terme tout neuf" in entries(
        client, GlossaryIndexPage.objects.get().feed_url
    )
    assert "Terme tout neuf" not in entries(
        client, MethodIndexPage.objects.get().feed_url
    )


def test_feeds_leave_out_drafts_and_private_pages(client):
    make_method("Méthode brouillon", live=False)
    private = make_method("Méthode réservée")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    titles = entries(client, "/ressources/flux/")
    assert "Méthode brouillon" not in titles
    assert "Méthode réservée" not in titles


def test_documents_feed_lists_public_documents_only(client):
    titles = entries(client, "/ressources/documents/flux/")
    assert any(title.startswith("Programme") for title in titles)
    assert not any(title.startswith("Bilan interne") for title in titles)


@pytest.mark.parametrize(
    "url",
    [
        "/ressources/",
        "/ressources/roles/",
        "/ressources/glossaire/",
        "/ressources/methodologies/",
        "/ressources/documents/",
    ],
)
def test_index_pages_announce_their_feed(client, url):
    content = client.get(url).content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml"' in content
        and f'href="{url}flux/"' in content
    )


def test_hub_feed_url():
    assert ResourcesIndexPage.objects.get().feed_url == "/ressources/flux/"
