"""A Trello board into a défi's étapes: preview, then one transaction;
idempotent by card id; what the porteurs wrote stays; only those who fill
the étapes may import."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from community.capitalisation.models import ImportedStepCard
from community.challenges.choices import ChallengeRole
from community.challenges.models import ChallengePerson, ChallengeStepSummary
from community.challenges.tests.utils import make_challenge
from community.members.tests.utils import make_user
from home.tests.trello_export import export_bytes, trello_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def defi():
    challenge = make_challenge("Comment importer des étapes ?", slug="defi-trello")
    holder = make_user("porteur-trello")
    ChallengePerson.objects.create(
        challenge=challenge, role=ChallengeRole.HOLDER, member=holder
    )
    ChallengeStepSummary.objects.create(
        challenge=challenge, step=2, summary="Ecrit par le porteur."
    )
    return challenge, holder


def url(challenge):
    return reverse("capitalisation:steps_trello", args=[challenge.pk])


def preview(client, challenge, raw):
    response = client.post(url(challenge), {"file": SimpleUploadedFile("t.json", raw)})
    assert response.status_code == 302, response.content[:500]
    return response.url.split("token=")[1], client.get(response.url)


def summaries(challenge):
    return dict(
        ChallengeStepSummary.objects.filter(challenge=challenge).values_list(
            "step", "summary"
        )
    )


def test_lists_become_etapes_and_cards_their_lines(client, defi):
    challenge, holder = defi
    client.force_login(holder)
    token, page = preview(client, challenge, export_bytes())
    assert "Aperçu" in page.content.decode()
    assert "Rien à importer" in page.content.decode()  # no list named an étape
    page = client.get(url(challenge), {"token": token, "liste-0": "2", "liste-1": "4"})
    text = page.content.decode()
    assert "2 cartes à ajouter" in text
    assert "&lt;script&gt;" in text and "<script>alert" not in text
    assert not ImportedStepCard.objects.exists()  # nothing before confirming
    done = client.post(url(challenge), {"token": token, "liste-0": "2", "liste-1": "4"})
    assert done.status_code == 302
    found = summaries(challenge)
    assert found[2].startswith("Ecrit par le porteur.")  # kept
    assert "▸ Guide de la mini-immersion" in found[2]
    assert "Avant de partir : 1/2 fait" in found[2]
    assert "https://example.org/support.pdf" in found[2]
    assert "javascript:" not in found[2]
    assert "Boîte à outils" in found[4]
    # Again, unchanged: nothing to import, nothing doubled.
    token, _page = preview(client, challenge, export_bytes())
    page = client.get(url(challenge), {"token": token, "liste-0": "2", "liste-1": "4"})
    assert "2 cartes déjà importées et inchangées" in page.content.decode()
    client.post(url(challenge), {"token": token, "liste-0": "2", "liste-1": "4"})
    assert summaries(challenge) == found
    # A card changed and its list sent elsewhere: moved and updated, once.
    board = trello_export()
    board["cards"][0]["name"] = "Guide revu"
    token, _page = preview(client, challenge, json.dumps(board).encode())
    client.post(url(challenge), {"token": token, "liste-0": "3", "liste-1": "4"})
    after = summaries(challenge)
    assert "mini-immersion" not in after[2] and "Ecrit par le porteur." in after[2]
    assert after[3].count("▸ Guide revu") == 1
    assert ImportedStepCard.objects.filter(challenge=challenge).count() == 2


def test_an_unknown_target_is_refused_and_nothing_saved(client, defi):
    challenge, holder = defi
    client.force_login(holder)
    token, _page = preview(client, challenge, export_bytes())
    response = client.post(url(challenge), {"token": token, "liste-0": "9"})
    assert response.status_code == 400
    assert not ImportedStepCard.objects.exists()


def test_not_a_trello_export(client, defi):
    challenge, holder = defi
    client.force_login(holder)
    response = client.post(
        url(challenge), {"file": SimpleUploadedFile("t.json", b'{"a": 1}')}
    )
    assert response.status_code == 400
    assert "Trello" in response.content.decode()


def test_only_those_who_fill_the_etapes_import(client, defi):
    challenge, _holder = defi
    assert client.get(url(challenge)).status_code == 302  # to log in
    client.force_login(make_user("passant-trello"))
    assert client.get(url(challenge)).status_code == 403
    response = client.post(
        url(challenge), {"file": SimpleUploadedFile("t.json", export_bytes())}
    )
    assert response.status_code == 403


def test_lists_named_after_an_etape_go_there():
    from community.capitalisation.trello_steps import default_mapping

    assert default_mapping(["Étape 1", "Mini-immersion", "Divers"]) == {
        "Étape 1": 1,
        "Mini-immersion": 2,
        "Divers": "",
    }
