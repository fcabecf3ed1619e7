"""Carnet entries in the site search, on every back end: each found exactly by
who may read it (a team-only entry by its team)."""

import pytest

from tests.support.sessions import logged_in_client

from .utils import World, make_entry

pytestmark = [pytest.mark.django_db, pytest.mark.search]


@pytest.fixture
def indexed(monkeypatch):
    """Run the index updates scheduled "on commit" at once (tests never commit)."""
    from search import sync

    monkeypatch.setattr(sync.transaction, "on_commit", lambda func, **kwargs: func())


def titles(user, q):
    response = logged_in_client(user).get("/recherche/api/", {"q": q})
    assert response.status_code == 200
    return {hit["title"] for hit in response.json()["results"]}


def test_shared_entries_are_found_by_their_readers_only(indexed):
    world = World("recherche")
    make_entry(world.carnet, world.alice, title="Ornithorynque équipe")
    make_entry(
        world.carnet,
        world.alice,
        title="Ornithorynque communauté",
        visibility="communaute",
    )
    make_entry(
        world.carnet, world.alice, title="Ornithorynque public", visibility="public"
    )
    assert titles(None, "ornithorynque") == {"Ornithorynque public"}
    assert titles(world.stranger, "ornithorynque") == {"Ornithorynque public"}
    assert titles(world.neighbour, "ornithorynque") == {
        "Ornithorynque public",
        "Ornithorynque communauté",
    }
    assert titles(world.bruno, "ornithorynque") == {
        "Ornithorynque public",
        "Ornithorynque communauté",
        "Ornithorynque équipe",
    }


def test_changing_the_carnets_sharing_reindexes_its_entries(indexed):
    world = World("partage")
    make_entry(world.carnet, world.alice, title="Tamanoir suiveur")
    assert titles(world.stranger, "tamanoir") == set()
    world.carnet.visibility = "membres"
    world.carnet.save()
    assert titles(world.stranger, "tamanoir") == {"Tamanoir suiveur"}
    world.carnet.visibility = "equipe"
    world.carnet.save()
    assert titles(world.stranger, "tamanoir") == set()


def test_an_edit_is_reindexed(indexed):
    from ..editing import save_entry

    world = World("modif")
    entry = make_entry(world.carnet, world.alice, title="Pangolin", visibility="public")
    save_entry(
        entry, user=world.alice, title="Pangolin", body="Un axolotl", base_version=1
    )
    assert titles(None, "axolotl") == {"Pangolin"}


def test_the_demo_public_entry_is_found():
    assert "Nos engagements après l'exposition" in titles(
        None, "engagements exposition"
    )
