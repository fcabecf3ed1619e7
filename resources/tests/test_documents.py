from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection

import pytest

from resources import extraction
from resources.choices import ExtractionStatus
from resources.demo_files import make_docx, make_odt, make_pdf
from resources.extraction import extract_text
from resources.models import DocumentIndexPage, ResourceDocument
from tests.support import bombs

from .utils import make_document, make_editor

pytestmark = pytest.mark.django_db


def extracted(document):
    document.refresh_from_db()
    return document


class TestExtraction:
    def test_pdf_docx_and_odt_text_is_extracted(self):
        pdf = extract_text(make_pdf(["Théorie U et prototype"]), "pdf")
        docx = extract_text(make_docx("Fiche défi", ["Équipe apprenante"]), "docx")
        odt = extract_text(make_odt("Carnet", ["Moment 2 : apprentissages"]), "odt")
        assert pdf.status == ExtractionStatus.DONE
        assert "Théorie U et prototype" in pdf.text
        assert "Fiche défi Équipe apprenante" in docx.text
        assert "Carnet Moment 2 : apprentissages" in odt.text

    def test_pdf_without_text_says_so(self):
        result = extract_text(make_pdf([]), "pdf")
        assert result.status == ExtractionStatus.EMPTY
        assert "Aucun texte" in result.message

    @pytest.mark.parametrize("extension", ["pdf", "docx", "odt"])
    def test_corrupt_files_fail_with_a_message_not_an_exception(self, extension):
        result = extract_text(b"PK\x03\x04 not really a document", extension)
        assert result.status == ExtractionStatus.FAILED
        assert extension.upper() in result.message

    def test_other_formats_are_not_analysed(self):
        assert extract_text(b"a,b", "xlsx").status == ExtractionStatus.UNSUPPORTED

    @pytest.mark.parametrize(
        ("extension", "content", "message"),
        [
            ("docx", bombs.docx_bomb(), "Une fois décompressé"),
            ("odt", bombs.odt_bomb(), "Une fois décompressé"),
            ("docx", bombs.docx_with_parts(1_200), "Cette archive contient 1"),
            ("pdf", bombs.pdf_with_huge_stream(), "Une partie du PDF dépasse"),
        ],
        ids=["docx", "odt", "parts", "pdf"],
    )
    def test_a_bomb_fails_with_its_reason_not_a_crash(
        self, extension, content, message
    ):
        result = extract_text(content, extension)
        assert result.status == ExtractionStatus.FAILED
        assert message in result.message
        assert "Le document est bien enregistré" in result.message

    def test_xml_past_the_reading_limit_is_not_parsed(self, monkeypatch):
        monkeypatch.setattr(extraction, "MAX_XML_SIZE", 2_000)
        result = extract_text(make_docx("Fiche", ["Un paragraphe"]), "docx")
        assert result.status == ExtractionStatus.FAILED
        assert "la lecture s'arrête à 2,0" in result.message


class TestBackgroundExtraction:
    def test_saving_a_document_queues_extraction_after_commit(
        self, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            document = make_document(
                "Compte rendu", make_docx("CR", ["Sociocratie"]), "cr.docx"
            )
        # Nothing is extracted while the upload's transaction is open.
        assert extracted(document).extraction_status == ExtractionStatus.PENDING
        # One extraction callback (the search index adds its own beside it).
        extraction = [c for c in callbacks if "enqueue_extraction" in c.__qualname__]
        assert len(extraction) == 1
        extraction[0]()  # the immediate task backend runs it now
        document = extracted(document)
        assert document.extraction_status == ExtractionStatus.DONE
        assert "Sociocratie" in document.extracted_text
        assert document.format.endswith("wordprocessingml.document")

    def test_metadata_edits_do_not_extract_again(
        self, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            document = make_document("Programme", make_pdf(["Cluny"]), "p.pdf")
        document = extracted(document)  # as the admin's edit form loads it
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            document.description = "Nouvelle description"
            document.save()
        # The search index is refreshed (new metadata); the file is not re-read.
        assert not [c for c in callbacks if "enqueue_extraction" in c.__qualname__]

    def test_corrupt_docx_is_stored_with_a_failed_status(
        self, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            document = make_document("Abîmé", b"PK\x03\x04 broken", "abime.docx")
        document = extracted(document)
        assert document.extraction_status == ExtractionStatus.FAILED
        assert document.extraction_message
        assert document.extracted_text == ""

    def test_a_docx_bomb_stored_anyhow_gets_a_failed_status(
        self, django_capture_on_commit_callbacks
    ):
        # Stored without the admin form (an import, an older upload): the
        # worker refuses to unpack it and says why.
        with django_capture_on_commit_callbacks(execute=True):
            document = make_document("Bombe", bombs.docx_bomb(), "bombe.docx")
        document = extracted(document)
        assert document.extraction_status == ExtractionStatus.FAILED
        assert "Une fois décompressé" in document.extraction_message
        assert document.get_extraction_status_display() == "Échec de l'extraction"

    def test_extracted_text_is_indexed_for_search(
        self, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            make_document("Sans mot", make_pdf(["parangonnage ciblé"]), "s.pdf")
        results = ResourceDocument.objects.search("parangonnage")
        assert "Sans mot" in [document.title for document in results]


def upload(client, name, content, **extra):
    data = {
        "title": "Téléversé",
        "file": SimpleUploadedFile(name, content),
        "collection": Collection.objects.get(name="Ressources").pk,
        "document_type": "report",
        "language": "fr",
        "licence": "cc-by",
        "tags": "",
    }
    data.update(extra)
    return client.post(reverse("wagtaildocs:add"), data)


class TestAdminUpload:
    def test_an_editor_uploads_a_document_with_metadata(
        self, client, django_capture_on_commit_callbacks
    ):
        client.force_login(make_editor())
        with django_capture_on_commit_callbacks(execute=True):
            response = upload(
                client,
                "rapport.odt",
                make_odt("Rapport", ["Open data"]),
                creator="Ville de Lille, service des usages numériques",
            )
        assert response.status_code == 302
        document = ResourceDocument.objects.get(title="Téléversé")
        assert document.creator.startswith("Ville de Lille")
        assert document.extraction_status == ExtractionStatus.DONE

    def test_a_file_over_20_mb_is_refused_with_a_clear_message(self, client):
        client.force_login(make_editor())
        response = upload(client, "gros.pdf", b"%PDF-" + b"0" * (20 * 1024 * 1024))
        assert response.status_code == 200
        assert "Ce fichier est trop gros" in response.content.decode()
        assert not ResourceDocument.objects.filter(title="Téléversé").exists()

    def test_a_wrong_file_type_is_refused(self, client):
        client.force_login(make_editor())
        response = upload(client, "virus.exe", b"MZ")
        assert response.status_code == 200
        assert not ResourceDocument.objects.filter(title="Téléversé").exists()
        assert "exe" in response.content.decode()

    def test_html_disguised_as_a_pdf_is_refused_with_a_clear_message(self, client):
        client.force_login(make_editor())
        html = b"<!DOCTYPE html><html><script>alert(1)</script></html>"
        response = upload(client, "programme.pdf", html)
        assert response.status_code == 200
        assert "ne correspond pas à son extension" in response.content.decode()
        assert "n’est pas autorisée" not in response.content.decode()
        assert not ResourceDocument.objects.filter(title="Téléversé").exists()

    def test_the_multiple_uploader_checks_the_content_too(self, client):
        client.force_login(make_editor())
        collection = Collection.objects.get(name="Ressources")
        refused = client.post(
            reverse("wagtaildocs:add_multiple"),
            {
                "files[]": SimpleUploadedFile("deguise.docx", make_pdf(["x"])),
                "collection": collection.pk,
            },
        )
        assert refused.json()["success"] is False
        assert "ne correspond pas" in refused.json()["error_message"]
        accepted = client.post(
            reverse("wagtaildocs:add_multiple"),
            {
                "files[]": SimpleUploadedFile("vrai.docx", make_docx("Vrai", ["x"])),
                "collection": collection.pk,
            },
        )
        # Accepted; its metadata is then completed in the uploader's form.
        assert accepted.json()["success"] is True

    def test_anonymous_visitors_cannot_upload(self, client):
        response = upload(client, "a.pdf", make_pdf(["x"]))
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
        assert not ResourceDocument.objects.filter(title="Téléversé").exists()


class TestLibraryPage:
    def test_lists_public_documents_only(self, client):
        library = DocumentIndexPage.objects.get()
        content = client.get(library.url).content.decode()
        assert "Programme de l&#x27;université d&#x27;été" in content
        assert "Bilan interne" not in content

    def test_private_documents_cannot_be_downloaded_anonymously(
        self, client, settings, tmp_path
    ):
        # Served from disk, as in production (the suite's in-memory storage has
        # no real files for Wagtail's serve view to send).
        settings.MEDIA_ROOT = str(tmp_path)
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        }
        private_collection = Collection.objects.get(name__startswith="Documents de")
        private = make_document("Réservé", b"secret", "r.txt", private_collection)
        public = make_document("Ouvert", b"public", "o.txt")
        response = client.get(private.url)
        assert response.status_code == 302
        assert (
            "/comptes/login/" in response["Location"] or "login" in response["Location"]
        )
        assert client.get(public.url).status_code == 200
        client.force_login(make_editor())
        assert client.get(private.url).status_code == 200

    def test_filters_combine_and_stay_in_the_url(self, client):
        library = DocumentIndexPage.objects.get()
        content = client.get(
            library.url, {"type": "programme", "theme": "qualite-action-publique"}
        ).content.decode()
        assert "Programme de l&#x27;université" in content
        assert "Fiche défi type" not in content
        assert 'value="programme" selected' in content
        content = client.get(library.url, {"q": "dirigeants", "licence": "cc-by"})
        assert "1 document" not in content.content.decode()
        content = client.get(library.url, {"q": "gouvernance"}).content.decode()
        # Found through the extracted text of the ODT support.
        assert "Le pilotage de l&#x27;innovation" in content

    def test_bad_filter_values_are_ignored(self, client):
        library = DocumentIndexPage.objects.get()
        response = client.get(
            library.url, {"type": "nope", "theme": "zzz", "page": "x"}
        )
        assert response.status_code == 200
        assert "4 documents" in response.content.decode()

    def test_filter_form_is_accessible_without_javascript(self, client):
        content = client.get(DocumentIndexPage.objects.get().url).content.decode()
        assert '<form class="filters" method="get"' in content
        assert "<legend>" in content
        for name in ("q", "type", "licence", "language", "theme"):
            assert f'<label for="id_{name}">' in content
