import pytest

from community.events.models import Session
from search import registry

from .utils import make_edition, make_session

pytestmark = [pytest.mark.django_db, pytest.mark.search]


def search(client, **params):
    response = client.get("/recherche/api/", params)
    assert response.status_code == 200
    return response.json()["results"]


def test_demo_defis_and_sessions_are_found_with_their_facets(client):
    hits = search(client, q="glacière", site="rennes", year="2018")
    assert any(hit["type"] == "defi" and "durabilité" in hit["title"] for hit in hits)
    hits = search(client, q="sociocratie")
    assert any(hit["type"] == "session" for hit in hits)


def test_sessions_of_an_unpublished_edition_have_no_document():
    edition = make_edition(slug="brouillon-recherche")
    session = make_session(edition, title="Atelier confidentiel")
    adapter = registry.adapter_for_key(registry.key_for(session))
    assert adapter.indexed(session).audience == ["public"]
    edition.unpublish()
    assert adapter.indexed(Session.objects.get(pk=session.pk)) is None
