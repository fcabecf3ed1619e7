"""Uploaded files on the object store (home/storage.py), and when it is down.

Two halves:

- the store down: a closed port on the loopback plays the stopped server
  (the client sees the same refused connection), so these tests need no
  server and run in every pass: uploads are refused with a French message
  and no row, a write lost after the form's check gives the French 503 and
  no row, pages with images or avatars still render;
- the real store: SeaweedFS started through ``scripts/services/objectstore``
  by the ``objectstore_url`` fixture (tests/support/objectstore.py; marker
  ``objectstore``, skipped with the reason when its binary is not built:
  ``scripts/services/objectstore build``, minutes on 2 cores, once per
  machine): upload through the site and read back, a private bucket, private
  documents served only after the permission check.
"""

import urllib.request
import uuid
from urllib.error import HTTPError

from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest

from community.carnets.models import Attachment
from community.carnets.tests.test_uploads import image_bytes
from community.carnets.tests.utils import World, make_entry
from community.members.models import User
from config import env
from home.storage import ObjectStoreUnavailable
from resources.models import ResourceDocument
from resources.tests.utils import make_document, make_editor
from tests.support.sessions import logged_in_client

pytestmark = pytest.mark.django_db

UNAVAILABLE = "Le stockage des fichiers est momentanément indisponible"


def storages_for(url, settings):
    """Point the site's default storage at the object store of ``url``."""
    config = env.object_store_from_url(url)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "home.storage.ObjectStorage",
            "OPTIONS": {**config, "querystring_expire": 60},
        },
    }
    settings.WAGTAILDOCS_SERVE_METHOD = "serve_view"
    return config


def closed_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nobody listens there once closed


@pytest.fixture
def store_down(settings):
    storages_for(f"http://cle:secret@127.0.0.1:{closed_port()}/ecommunaute", settings)


def upload_document(client, name="note.pdf", content=b"%PDF-1.4\n%%EOF\n", **extra):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Téléversé",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.objects.get(name="Ressources").pk,
            "document_type": "report",
            "language": "fr",
            "licence": "cc-by",
            "tags": "",
            **extra,
        },
    )


class TestSetting:
    def test_one_url_gives_endpoint_keys_and_bucket(self):
        config = env.object_store_from_url(
            "http://AK:s%2Fecret@127.0.0.1:8333/ecommunaute"
        )
        assert config == {
            "endpoint_url": "http://127.0.0.1:8333",
            "access_key": "AK",
            "secret_key": "s/ecret",
            "bucket_name": "ecommunaute",
            "region_name": "us-east-1",
        }

    @pytest.mark.parametrize(
        "url",
        [
            "s3://AK:SK@127.0.0.1:8333/b",  # the scheme says http or https
            "http://127.0.0.1:8333/b",  # no keys
            "http://AK:SK@127.0.0.1:8333/",  # no bucket
            "http://AK:SK@127.0.0.1:8333/a/b",
            "http://AK:SK@127.0.0.1:port/b",
        ],
    )
    def test_a_bad_url_is_refused_in_french_without_its_secret(self, url):
        with pytest.raises(ImproperlyConfigured) as refused:
            env.object_store_from_url(url, name="OBJECTSTORE_URL")
        message = str(refused.value)
        assert "OBJECTSTORE_URL" in message and "compartiment" in message
        if "SK@" in url:
            assert "SK" not in message

    def test_without_the_variable_files_stay_on_disk(self, monkeypatch):
        monkeypatch.delenv("OBJECTSTORE_URL", raising=False)
        assert env.object_store("OBJECTSTORE_URL") is None


class TestStoreDown:
    """A store that refuses connections, as a stopped server does."""

    def test_a_document_upload_is_refused_in_french_and_nothing_is_saved(
        self, client, store_down
    ):
        client.force_login(make_editor())
        before = ResourceDocument.objects.count()
        response = upload_document(client)
        assert response.status_code == 200
        assert UNAVAILABLE in response.content.decode()
        assert ResourceDocument.objects.count() == before

    def test_an_image_upload_is_refused_in_french(self, client, store_down):
        client.force_login(
            User.objects.create_superuser("admin-panne", "admin-panne@example.org", "x")
        )
        before = get_image_model().objects.count()
        response = client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Photo",
                "file": SimpleUploadedFile("photo.png", image_bytes()),
                "collection": Collection.objects.get(name="Ressources").pk,
            },
        )
        assert response.status_code == 200
        assert UNAVAILABLE in response.content.decode()
        assert get_image_model().objects.count() == before

    def test_an_attachment_is_refused_in_french_and_the_entry_kept(self, store_down):
        world = World("panne")
        entry = make_entry(world.carnet, world.alice, body="Texte gardé")
        response = logged_in_client(world.alice).post(
            entry.get_absolute_url() + "pieces/",
            {
                "file": SimpleUploadedFile("vue.png", image_bytes()),
                "description": "Vue",
            },
        )
        assert response.status_code == 400
        assert UNAVAILABLE in response.content.decode()
        assert not Attachment.objects.filter(entry=entry).exists()

    def test_a_write_lost_after_the_check_gives_the_503_page_and_no_row(
        self, client, store_down, monkeypatch
    ):
        # The store answered the form's check, then went down before the write.
        monkeypatch.setattr("home.storage.ObjectStorage.check_writable", lambda s: None)
        client.force_login(make_editor())
        before = ResourceDocument.objects.count()
        response = upload_document(client)
        assert response.status_code == 503
        assert "Les fichiers sont momentanément indisponibles" in (
            response.content.decode()
        )
        assert response["Retry-After"]
        assert ResourceDocument.objects.count() == before

    def test_a_page_with_an_image_renders_without_it(self, store_down):
        image = get_image_model()(title="Sans fichier", width=800, height=600)
        image.file.name = "original_images/absente.png"
        image.save()
        html = Template(
            "{% load wagtailimages_tags %}{% image img width-200 %}"
        ).render(Context({"img": image}))
        assert "<img" in html and 'alt="Sans fichier"' in html
        assert "not-found" in html

    def test_a_stored_document_gives_the_503_page(self, client, settings, tmp_path):
        settings.MEDIA_ROOT = str(tmp_path)
        document = make_document("Ouvert", b"public", "o.txt")
        storages_for(
            f"http://cle:secret@127.0.0.1:{closed_port()}/ecommunaute", settings
        )
        response = client.get(document.url)
        assert response.status_code == 503
        assert "momentanément indisponibles" in response.content.decode()

    def test_a_stored_attachment_gives_the_503_page(self, settings, tmp_path):
        settings.MEDIA_ROOT = str(tmp_path)
        world = World("panne-pj")
        entry = make_entry(world.carnet, world.alice, body="Texte")
        attachment = Attachment.objects.create(
            entry=entry,
            file=ContentFile(image_bytes(), name="vue.png"),
            name="vue.png",
            kind="image",
            size=1,
            uploaded_by=world.alice,
        )
        storages_for(
            f"http://cle:secret@127.0.0.1:{closed_port()}/ecommunaute", settings
        )
        url = reverse(
            "carnets:attachment", kwargs={"pk": entry.pk, "attachment": attachment.pk}
        )
        response = logged_in_client(world.alice).get(url)
        assert response.status_code == 503

    def test_the_error_is_an_oserror_the_image_code_knows(self, store_down):
        with pytest.raises(ObjectStoreUnavailable) as error:
            default_storage.open("original_images/x.png")
        assert isinstance(error.value, OSError)


# --- The real object store ---------------------------------------------------


@pytest.fixture
def store(objectstore_url, settings):
    config = storages_for(objectstore_url, settings)
    config["base"] = f"{config['endpoint_url']}/{config['bucket_name']}"
    return config


def anonymous_get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status, response.read()
    except HTTPError as error:
        return error.code, error.read()


@pytest.mark.objectstore
class TestObjectStore:
    def test_a_document_uploaded_through_the_site_is_read_back(self, client, store):
        client.force_login(make_editor())
        content = b"%PDF-1.4\n% " + uuid.uuid4().hex.encode() + b"\n%%EOF\n"
        response = upload_document(client, "lu.pdf", content)
        assert response.status_code == 302
        document = ResourceDocument.objects.get(title="Téléversé")
        # In the bucket, not on the disk.
        assert default_storage.exists(document.file.name)
        with pytest.raises(NotImplementedError):
            document.file.path  # noqa: B018
        served = client.get(document.url)
        assert served.status_code == 200
        assert b"".join(served.streaming_content) == content
        assert served["Content-Security-Policy"] == "default-src 'none'"

    def test_the_bucket_is_private(self, store):
        name = default_storage.save(f"essais/{uuid.uuid4().hex}.txt", ContentFile(b"x"))
        try:
            assert anonymous_get(store["base"])[0] == 403  # no listing
            assert anonymous_get(f"{store['base']}/{name}")[0] == 403  # no reading
            signed = default_storage.url(name)
            assert "X-Amz-Signature=" in signed
            assert anonymous_get(signed) == (200, b"x")
            forged = signed.replace("X-Amz-Signature=", "X-Amz-Signature=0")
            assert anonymous_get(forged)[0] == 403
        finally:
            default_storage.delete(name)
        assert not default_storage.exists(name)

    def test_a_private_document_is_refused_to_a_stranger_served_to_its_readers(
        self, client, store
    ):
        private = make_document(
            "Réservé",
            b"secret des editeurs",
            "r.txt",
            Collection.objects.get(name__startswith="Documents de"),
        )
        refused = client.get(private.url)
        assert refused.status_code == 302 and "login" in refused["Location"]
        stranger = World("etranger").stranger
        client.force_login(stranger)
        assert client.get(private.url).status_code in (302, 403)
        client.force_login(make_editor())
        served = client.get(private.url)
        assert served.status_code == 200
        assert b"".join(served.streaming_content) == b"secret des editeurs"
        assert "X-Amz" not in served.get("Location", "")  # streamed, not redirected

    def test_an_avatar_is_shown_through_a_presigned_url(self, client, store):
        world = World("photo")
        profile = world.alice.profile
        profile.avatar.save("a.png", ContentFile(image_bytes()), save=True)
        url = profile.avatar.url
        assert "X-Amz-Expires=60" in url
        assert anonymous_get(url)[0] == 200
        assert anonymous_get(url.split("?")[0])[0] == 403

    def test_an_attachment_is_stored_and_served_after_the_check(self, store):
        world = World("pj")
        entry = make_entry(world.carnet, world.alice, body="Texte")
        response = logged_in_client(world.alice).post(
            entry.get_absolute_url() + "pieces/",
            {
                "file": SimpleUploadedFile("vue.png", image_bytes()),
                "description": "Vue",
            },
        )
        assert response.status_code == 302
        attachment = Attachment.objects.get(entry=entry)
        assert default_storage.exists(attachment.file.name)
        outsider = world.stranger
        url = reverse(
            "carnets:attachment", kwargs={"pk": entry.pk, "attachment": attachment.pk}
        )
        assert logged_in_client(outsider).get(url).status_code in (403, 404)
        served = logged_in_client(world.alice).get(url)
        assert served.status_code == 200
        assert b"".join(served.streaming_content) == image_bytes()
