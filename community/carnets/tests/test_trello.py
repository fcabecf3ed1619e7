"""A team's Trello board imported into its carnet: lists → moments, cards →
entries, idempotent by card id; permissions both ways; bad files refused."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from home.tests.trello_export import export_bytes, trello_export
from tests.support.sessions import logged_in_client

from ..choices import Moment
from ..models import Entry
from .utils import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return World("trello")


def url(world):
    return reverse("carnets:trello_import", kwargs={"slug": world.team.slug})


def send(client, world, raw):
    return client.post(url(world), {"file": SimpleUploadedFile("t.json", raw)})


def imported(world):
    return Entry.objects.filter(carnet=world.carnet).exclude(source_key="")


def test_lists_become_moments_and_cards_entries(world):
    client = logged_in_client(world.alice)
    response = send(client, world, export_bytes())
    assert response.status_code == 302
    preview = client.get(response.url)
    page = preview.content.decode()
    assert "2 contributions à créer" in page
    assert "&lt;script&gt;" in page and "<script>alert" not in page
    token = response.url.split("token=")[1]
    # « À lire » → moment 1 by default; send « Outils » to the suites.
    done = client.post(
        url(world), {"token": token, "liste-0": "before", "liste-1": "suites"}
    )
    assert done.status_code == 302
    entries = {e.source_key: e for e in imported(world)}
    guide = entries["trello:c1"]
    assert guide.moment == Moment.BEFORE and guide.author == world.alice
    assert "- [x] Choisir le lieu" in guide.body
    assert "[Support](https://example.org/support.pdf)" in guide.body
    assert "javascript:" not in guide.body
    assert "tableau Trello « Ressources des équipes défis »" in guide.body
    assert entries["trello:c2"].moment == Moment.FOLLOW_UP
    assert guide.revisions.count() == 1


def test_importing_again_updates_with_a_new_version_never_a_copy(world):
    client = logged_in_client(world.alice)
    token = send(client, world, export_bytes()).url.split("token=")[1]
    client.post(url(world), {"token": token})
    export = trello_export()
    export["cards"][0]["desc"] = "Description revue."
    token = send(client, world, json.dumps(export).encode()).url.split("token=")[1]
    page = client.get(url(world), {"token": token}).content.decode()
    assert "1 contribution déjà importée à mettre à jour" in page
    client.post(url(world), {"token": token})
    assert imported(world).count() == 2
    guide = imported(world).get(source_key="trello:c1")
    assert guide.body.startswith("Description revue.") and guide.version == 2


def test_an_unknown_moment_is_refused_and_nothing_is_written(world):
    client = logged_in_client(world.alice)
    token = send(client, world, export_bytes()).url.split("token=")[1]
    response = client.post(url(world), {"token": token, "liste-0": "pendant-la-nuit"})
    assert response.status_code == 400
    assert not imported(world).exists()


@pytest.mark.parametrize(
    "raw, message",
    [(b"<html>", "pas du JSON"), (b'{"id": "x"}', "il lui manque"), (b"", "vide")],
)
def test_a_file_that_is_not_a_board_is_refused(world, raw, message):
    response = send(logged_in_client(world.alice), world, raw)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_only_the_team_imports(world):
    assert (
        send(logged_in_client(world.neighbour), world, export_bytes()).status_code
        == 403
    )
    assert (
        send(logged_in_client(world.stranger), world, export_bytes()).status_code == 403
    )
    assert logged_in_client(world.facilitator).get(url(world)).status_code == 200
    assert not imported(world).exists()


def test_a_token_is_of_its_own_session_and_carnet(world):
    other = World("trello-autre")
    client = logged_in_client(world.alice)
    token = send(client, world, export_bytes()).url.split("token=")[1]
    thief = logged_in_client(world.bruno)
    response = thief.post(url(world), {"token": token})
    assert response.status_code == 302 and not imported(world).exists()
    stranger = logged_in_client(other.alice)
    stranger.post(url(other), {"token": token})
    assert not Entry.objects.exclude(source_key="").exists()
