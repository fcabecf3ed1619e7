"""Importing a Trello board into the document library: upload, preview,
confirmation, the worker's import, idempotence, permissions both ways."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection

import pytest

from home.tests.trello_export import export_bytes, many_cards, trello_export
from home.tests.utils import make_user
from resources.choices import ImportStatus
from resources.models import ResourceDocument, TrelloImport

from .utils import make_editor

pytestmark = pytest.mark.django_db


def upload(client, raw, name="tableau.json", collection=None):
    collection = collection or Collection.objects.get(name="Ressources")
    return client.post(
        reverse("trello_import"),
        {"file": SimpleUploadedFile(name, raw), "collection": collection.pk},
    )


@pytest.fixture
def import_board(django_capture_on_commit_callbacks):
    def run(client, raw=None):
        response = upload(client, raw or export_bytes())
        assert response.status_code == 302, response.content.decode()[:2000]
        job = TrelloImport.objects.latest("created_at")
        preview = client.get(reverse("trello_import_preview", args=[job.pk]))
        assert preview.status_code == 200
        # What waits for the commit (the worker's task, then the text
        # extraction of each document) runs.
        with django_capture_on_commit_callbacks(execute=True):
            confirmed = client.post(reverse("trello_import_preview", args=[job.pk]))
        assert confirmed.status_code == 302
        job.refresh_from_db()
        return job, preview.content.decode()

    return run


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor("trello@example.org"))
    return client


def imported():
    return ResourceDocument.objects.exclude(source_key="").order_by("title")


def test_cards_become_documents_with_their_sheet_themes_and_tags(
    editor_client, import_board
):
    job, preview = import_board(editor_client)
    assert "2 documents à créer" in preview
    assert "2 cartes ignorées" in preview
    assert "carte archivée" in preview
    # A card's name is text, never markup.
    assert "<script>alert" not in preview
    assert "&lt;script&gt;alert" in preview
    assert job.status == ImportStatus.DONE
    assert job.counts == {"create": 2, "update": 0, "unchanged": 0, "skip": 2}
    guide = imported().get(source_key="trello:c1")
    assert guide.collection.name == "Ressources"
    assert guide.description.startswith("Comment préparer une immersion")
    assert [t.slug for t in guide.themes.all()] == ["transitions-ecologiques"]
    assert [t.name for t in guide.tags.all()] == ["prototypage"]
    with guide.open_file() as handle:
        sheet = handle.read().decode()
    assert "Tableau Trello « Ressources des équipes défis », liste « À lire »" in sheet
    assert "[x] Choisir le lieu" in sheet and "[ ] Prévenir le service" in sheet
    assert "- Support : https://example.org/support.pdf" in sheet
    assert "javascript:" not in sheet
    # The sheet's text is extracted (searchable) like any document's.
    guide.refresh_from_db()
    assert "Prévenir le service" in guide.extracted_text


def test_importing_the_same_board_again_copies_nothing(editor_client, import_board):
    import_board(editor_client)
    first = set(imported().values_list("pk", flat=True))
    response = upload(editor_client, export_bytes())
    job = TrelloImport.objects.latest("created_at")
    preview = editor_client.get(response.url).content.decode()
    assert "2 documents déjà importés et inchangés" in preview
    assert "Rien à importer" in preview
    export = trello_export()
    export["cards"][0]["desc"] = "Une description revue."
    job, preview = import_board(editor_client, json.dumps(export).encode())
    assert "1 document déjà importé à mettre à jour" in preview
    assert job.counts["update"] == 1
    assert set(imported().values_list("pk", flat=True)) == first
    assert imported().get(source_key="trello:c1").description == (
        "Une description revue."
    )


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"%PDF-1.7 pas un tableau", "pas du JSON"),
        (json.dumps({"hello": "world"}).encode(), "il lui manque"),
        (export_bytes(cards=[]), "aucune carte"),
        (b"", "vide"),
    ],
)
def test_a_file_that_is_not_a_board_is_refused_and_nothing_is_kept(
    editor_client, raw, message
):
    response = upload(editor_client, raw)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not TrelloImport.objects.exists()
    assert not imported().exists()


def test_a_large_board_is_imported_in_batches_by_the_worker(
    editor_client, import_board
):
    job, _ = import_board(editor_client, export_bytes(cards=many_cards(120)))
    assert job.status == ImportStatus.DONE
    assert (job.done, job.total) == (120, 120)
    assert imported().count() == 120
    page = editor_client.get(reverse("trello_import_progress", args=[job.pk]))
    assert "120 documents créés" in page.content.decode()
    state = editor_client.get(
        reverse("trello_import_progress", args=[job.pk]), {"format": "json"}
    ).json()
    assert state["finished"] and state["percent"] == 100


def test_only_editors_who_may_add_documents_import(client):
    url = reverse("trello_import")
    assert client.get(url).status_code == 302  # to the admin's login
    client.force_login(make_user("visiteuse@example.org"))
    assert client.get(url).status_code in (302, 403)
    editor = make_editor("autorisee@example.org")
    client.force_login(editor)
    assert client.get(url).status_code == 200


def test_an_import_is_its_uploaders_only(editor_client, client):
    upload(editor_client, export_bytes())
    job = TrelloImport.objects.get()
    other = make_editor("collegue@example.org")
    client.force_login(other)
    for name in ("trello_import_preview", "trello_import_progress"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404
    assert (
        client.post(reverse("trello_import_preview", args=[job.pk])).status_code == 404
    )
    assert not imported().exists()


def test_a_collection_the_editor_may_not_add_to_is_refused(editor_client):
    elsewhere = Collection.get_first_root_node().add_child(name="Réservée")
    response = upload(editor_client, export_bytes(), collection=elsewhere)
    assert response.status_code == 400
    assert not TrelloImport.objects.exists()
