"""Search never shows what the searcher may not see — on every back end."""

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from community.members.choices import CommunityAccess, MembershipRole
from community.members.models import Membership
from community.members.tests.utils import (
    add_member,
    make_community,
    make_team,
    make_user,
)

pytestmark = [pytest.mark.django_db, pytest.mark.search]


def titles(client, q):
    return {
        hit["title"]
        for hit in client.get("/recherche/api/", {"q": q}).json()["results"]
    }


@pytest.fixture
def spaces(indexed):
    secret = make_community(CommunityAccess.SECRET, name="Quokka secret")
    restricted = make_community(CommunityAccess.RESTRICTED, name="Quokka restreint")
    member, outsider = make_user("membre"), make_user("exterieur")
    add_member(secret, member)
    add_member(restricted, member, MembershipRole.ANIMATEUR)
    make_team(restricted, name="Quokka équipe", members=[(member, None)])
    return {"secret": secret, "member": member, "outsider": outsider}


def test_secret_community_and_teams_are_found_by_their_members_only(client, spaces):
    assert titles(client, "quokka") == {"Quokka restreint"}
    client.force_login(spaces["outsider"])
    assert titles(client, "quokka") == {"Quokka restreint"}
    client.force_login(spaces["member"])
    assert titles(client, "quokka") == {
        "Quokka secret",
        "Quokka restreint",
        "Quokka équipe",
    }


def test_leaving_a_community_is_reflected_at_once(client, spaces):
    client.force_login(spaces["member"])
    assert "Quokka secret" in titles(client, "quokka")
    Membership.objects.filter(
        user=spaces["member"], community=spaces["secret"]
    ).delete()
    assert "Quokka secret" not in titles(client, "quokka")


def test_superuser_finds_everything(client, spaces):
    client.force_login(make_user("admin", is_superuser=True))
    assert titles(client, "quokka") == {
        "Quokka secret",
        "Quokka restreint",
        "Quokka équipe",
    }


def test_facets_and_suggestions_do_not_leak(client, spaces):
    data = client.get("/recherche/api/", {"q": "quokka"}).json()
    assert sum(data["facets"]["type"].values()) == 1
    suggestions = client.get("/recherche/suggestions/", {"q": "quokk"}).json()[
        "results"
    ]
    assert {s["title"] for s in suggestions} == {"Quokka restreint"}
    html = client.get("/recherche/", {"q": "quokka"}).content.decode()
    assert "Quokka secret" not in html


def test_documents_of_private_collections(client, indexed):
    from resources.models import ResourceDocument

    root = Collection.get_first_root_node()
    private = root.add_child(name="Collection privée")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type="login"
    )
    for title, collection in (
        ("Ornithorynque public", root),
        ("Ornithorynque privé", private),
    ):
        ResourceDocument.objects.create(
            title=title,
            collection=collection,
            file=SimpleUploadedFile(f"{title}.txt", b"ornithorynque"),
        )
    assert titles(client, "ornithorynque") == {"Ornithorynque public"}
    client.force_login(make_user("lectrice"))
    assert titles(client, "ornithorynque") == {
        "Ornithorynque public",
        "Ornithorynque privé",
    }
