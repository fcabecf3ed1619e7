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


def test_every_venue_has_a_territory_and_nancy_sessions_a_readable_site(client):
    """The site facet of a session is its venue's territory, labelled in one
    place (home.territories): the Nancy day event shows « Nancy »."""
    from community.events.models import Venue
    from home.territories import Territory, territory_label

    assert not Venue.objects.filter(territory="").exists()
    assert dict(Venue.objects.values_list("slug", "territory"))["nancy"] == "nancy"
    session = Session.objects.get(
        venue__slug="nancy", title="L'innovation managériale — agilité"
    )
    document = registry.adapter_for_key(registry.key_for(session)).document(session)
    assert document.site == Territory.NANCY
    assert territory_label(document.site) == "Nancy"
    html = client.get(
        "/recherche/", {"q": "innovation managériale agilité", "site": "nancy"}
    ).content.decode()
    assert "agilité" in html
    assert 'Nancy <span class="facet__count">' in html
    assert 'nancy <span class="facet__count">' not in html
