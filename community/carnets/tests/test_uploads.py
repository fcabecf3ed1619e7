"""Attachments are checked by content, like documents, and capped."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image

from tests.support.sessions import logged_in_client

from ..models import Attachment
from .utils import World, make_entry

pytestmark = pytest.mark.django_db


def image_bytes(size=(40, 30), fmt="PNG"):
    output = io.BytesIO()
    Image.new("RGB", size, "orange").save(output, format=fmt)
    return output.getvalue()


def bomb_png(width=20_000, height=20_000):
    """A PNG whose header claims ``width`` × ``height`` pixels (tiny file)."""
    import struct
    import zlib

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    row = b"\x00" + b"\x00" * 3 * width
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * 10))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def world():
    world = World("pieces")
    world.entry = make_entry(world.carnet, world.alice, body="Texte gardé")
    return world


def upload(world, name, content, description="Une image", user=None):
    return logged_in_client(user or world.alice).post(
        world.entry.get_absolute_url() + "pieces/",
        {
            "file": SimpleUploadedFile(name, content),
            "description": description,
        },
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.png", b"<script>alert(1)</script>", "pas une image lisible"),
        ("page.pdf", b"<html><script>x()</script></html>", "ne correspond pas"),
        ("photo.jpg", image_bytes(fmt="PNG"), "ne correspond pas"),
        ("dessin.svg", b"<svg onload='x()'/>", "pas accepté"),
        ("programme.exe", b"MZ\x90\x00", "pas accepté"),
        ("bombe.png", bomb_png(), "trop grande"),
        ("enorme.pdf", b"%PDF-1.4\n" + b"0" * (21 * 1024 * 1024), "la limite"),
    ],
    ids=lambda value: value if isinstance(value, str) and "." in value else None,
)
def test_bad_files_are_refused_and_nothing_changes(world, name, content, message):
    response = upload(world, name, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Attachment.objects.exists()
    world.entry.refresh_from_db()
    assert (world.entry.body, world.entry.version) == ("Texte gardé", 1)


def test_an_image_needs_a_description(world):
    response = upload(world, "photo.png", image_bytes(), description="")
    assert response.status_code == 400
    assert "texte alternatif" in response.content.decode()


def test_good_files_are_attached_and_served_to_readers_only(world):
    assert upload(world, "photo.png", image_bytes()).status_code == 302
    assert upload(world, "note.pdf", b"%PDF-1.4\n%%EOF\n", "").status_code == 302
    image = Attachment.objects.get(name="photo.png")
    assert (image.kind, image.width, image.height) == ("image", 40, 30)
    assert "/" not in image.name and "photo.png" in image.file.name
    served = logged_in_client(world.bruno).get(image.get_absolute_url())
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert (
        logged_in_client(world.stranger).get(image.get_absolute_url()).status_code
        == 403
    )
    assert logged_in_client(None).get(image.get_absolute_url()).status_code == 404
    document = Attachment.objects.get(name="note.pdf")
    response = logged_in_client(world.bruno).get(
        document.get_absolute_url() + "?telecharger"
    )
    assert "attachment" in response["Content-Disposition"]


def test_only_the_entry_editors_attach(world):
    response = upload(world, "photo.png", image_bytes(), user=world.bruno)
    assert response.status_code == 403
    assert not Attachment.objects.exists()


def test_odd_names_are_made_safe(world):
    upload(world, "../../etc/\u202eevil<b>.png", image_bytes())
    attachment = Attachment.objects.get()
    assert attachment.name == "evilb.png"


def test_a_name_that_is_only_an_extension(world):
    from ..uploads import safe_name

    assert safe_name("../a//.png") == "fichier.png"
    assert safe_name("  photo.  ") == "photo"
