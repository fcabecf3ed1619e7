"""Threads and comments in the site search: found by their words, by exactly
who may read their space (audience from the policy), on every back end."""

from django.conf import settings

import pytest

from community.discussions.search_adapters import CommentAdapter, ThreadAdapter
from community.members.choices import CommunityAccess
from community.members.tests.utils import make_user

from .utils import make_space, make_thread, reply

pytestmark = [pytest.mark.django_db, pytest.mark.search]


@pytest.fixture
def indexed(monkeypatch):
    """Index updates scheduled on commit run at once (the test never commits);
    on Elasticsearch, what the test indexed is removed afterwards."""
    from search import sync

    monkeypatch.setattr(sync.transaction, "on_commit", lambda func, **kwargs: func())
    yield
    if settings.SEARCH_BACKEND == "elasticsearch":
        from search import service
        from search.models import SearchEntry

        backend = service.elasticsearch_backend()
        expected = set(SearchEntry.objects.values_list("key", flat=True))
        stale = {k for k in backend.indexed_keys() if k.startswith("discussions.")}
        if stale - expected:
            backend.delete(stale - expected)


def urls(client, q):
    """The discussions' results (on Elasticsearch, other apps' tests may have
    left documents with the same words in the shared index)."""
    return [
        hit["url"]
        for hit in client.get("/recherche/api/", {"q": q}).json()["results"]
        if hit["url"].startswith("/communaute/discussions/")
    ]


def test_restricted_threads_and_comments_are_found_by_members_only(client, indexed):
    member, outsider = make_user("lecteur"), make_user("curieux")
    restricted = make_space(
        CommunityAccess.RESTRICTED, name="Réservée", members=[member]
    )
    thread = make_thread(restricted, member, title="Ornithorynque des marais")
    comment = reply(thread, member, "Un tamanoir passait par là")
    assert urls(client, "ornithorynque") == []
    client.force_login(outsider)
    assert urls(client, "tamanoir") == []
    client.force_login(member)
    assert thread.get_absolute_url() in urls(client, "ornithorynque")
    assert urls(client, "tamanoir") == [comment.get_absolute_url()]


def test_public_threads_are_found_by_anyone_and_hidden_comments_by_nobody(
    client, indexed
):
    author = make_user("auteur")
    thread = make_thread(make_space(members=[author]), author, title="Kinkajou public")
    comment = reply(thread, author, "Le kinkajou dort")
    assert thread.get_absolute_url() in urls(client, "kinkajou")
    comment.state = "hidden"
    comment.save()
    assert comment.get_absolute_url() not in urls(client, "kinkajou")


def test_documents_carry_the_space_audience():
    member = make_user("lecteur2")
    restricted = make_space(CommunityAccess.RESTRICTED, name="Close", members=[member])
    thread = make_thread(restricted, member, title="Ocelot")
    comment = reply(thread, member, "Un ocelot")
    expected = [f"c:{restricted.pk}", "superuser"]
    assert ThreadAdapter().document(thread).audience == expected
    assert CommentAdapter().document(comment).audience == expected


def test_a_comment_link_opens_its_page_at_its_anchor(client):
    author = make_user("auteur3")
    thread = make_thread(make_space(members=[author]), author)
    comment = reply(thread, author, "Ici")
    response = client.get(comment.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].endswith(f"?page=1#message-{comment.pk}")
