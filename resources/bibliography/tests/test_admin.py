"""The admin import: permissions both ways, upload, preview and confirm."""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from home.tests.utils import make_user

from ..models import ReferencePage
from ..views import SESSION_KEY
from .utils import make_editor

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


def upload(client, name, data):
    return client.post(
        reverse("bibliography_import"), {"file": SimpleUploadedFile(name, data)}
    )


class TestPermissions:
    def test_anonymous_is_sent_to_login(self, client):
        response = client.get(reverse("bibliography_import"))
        assert response.status_code == 302
        assert "login" in response["Location"]

    def test_member_without_admin_access_cannot_import(self, client):
        client.force_login(make_user("membre@example.org"))
        response = client.get(reverse("bibliography_import"))
        assert response.status_code in (302, 403)
        assert ReferencePage.objects.count() >= 12

    def test_admin_user_without_page_permission_is_turned_away(self, client):
        from django.contrib.auth.models import Permission

        user = make_user("lecteur@example.org")
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(user)
        # Wagtail turns the view's PermissionDenied into a redirect with a message.
        for name in ("bibliography_import", "bibliography_import_preview"):
            response = client.get(reverse(name))
            assert response.status_code == 302
            assert response["Location"] == "/admin/"

    def test_editor_can_import_and_sees_the_menu_item(self, client):
        client.force_login(make_editor())
        response = client.get(reverse("bibliography_import"))
        assert response.status_code == 200
        assert "Importer des références" in response.content.decode()
        assert "publiées directement" in response.content.decode()

    def test_contributor_is_told_references_will_be_drafts(self, client):
        client.force_login(make_editor("contrib@example.org", publish=False))
        content = client.get(reverse("bibliography_import")).content.decode()
        assert "brouillon et soumises à relecture" in content


class TestImportFlow:
    def test_upload_preview_confirm(self, client):
        client.force_login(make_editor())
        response = upload(client, "sample.bib", (DATA / "sample.bib").read_bytes())
        assert response.status_code == 302
        preview = client.get(response["Location"])
        content = preview.content.decode()
        assert "1 référence à créer" in content
        assert "Introduction: The Design for Policy Nexus" in content
        assert "Mettre à jour" in content and "Inchangée" in content
        before = ReferencePage.objects.count()
        token = preview.context["form"].initial["token"]
        done = client.post(reverse("bibliography_import_preview"), {"token": token})
        assert done.status_code == 302
        assert ReferencePage.objects.count() == before + 1
        # The preview is used up: posting it again imports nothing.
        again = client.post(reverse("bibliography_import_preview"), {"token": token})
        assert again.status_code == 302
        assert ReferencePage.objects.count() == before + 1

    def test_a_forged_token_imports_nothing(self, client):
        client.force_login(make_editor())
        upload(client, "sample.bib", (DATA / "sample.bib").read_bytes())
        before = ReferencePage.objects.count()
        response = client.post(reverse("bibliography_import_preview"), {"token": "x"})
        assert response.status_code == 302
        assert ReferencePage.objects.count() == before
        assert SESSION_KEY in client.session

    def test_twenty_megabytes_are_refused_before_parsing(self, client, monkeypatch):
        from .. import importers

        monkeypatch.setattr(
            importers, "parse_file", lambda *a: pytest.fail("parsed a huge file")
        )
        client.force_login(make_editor())
        response = upload(client, "big.bib", b"@" * (20 * 1024 * 1024))
        assert response.status_code == 400
        content = response.content.decode()
        assert "la limite est de 2,0" in content
        assert "Rien n&#x27;a été importé" in content

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (b"", "est vide"),
            (b"n'importe quoi", "Format non reconnu"),
            (b"%PDF-1.7\x00\x00", "pas un fichier texte"),
        ],
    )
    def test_bad_files_get_a_french_message(self, client, data, message):
        client.force_login(make_editor())
        response = upload(client, "x.bib", data)
        assert response.status_code == 400
        assert message in response.content.decode().replace("&#x27;", "'")
