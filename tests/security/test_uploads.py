"""Uploads are checked by content and size, not by their name.

``UPLOADS`` lists each upload a member or an editor can make, with a function
that posts a file and returns whether it was accepted; a capability that adds
an upload adds its entry here.
"""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image

from tests.support import bombs
from tests.support.cast import make_cast
from tests.support.sessions import logged_in_client

pytestmark = pytest.mark.django_db


def png_bytes(size=(40, 40)):
    output = BytesIO()
    Image.new("RGB", size, "purple").save(output, format="PNG")
    return output.getvalue()


def post_avatar(client, name, content, content_type):
    from community.members.forms import ProfileForm  # noqa: F401 (app loaded)

    response = client.post(
        "/comptes/profil/",
        {
            "display_name": "Photo",
            "avatar": SimpleUploadedFile(name, content, content_type=content_type),
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
            **{
                f"{field}_visibility": "members"
                for field in (
                    "job_title",
                    "organisation",
                    "employment_framework",
                    "territory",
                    "bio",
                    "avatar",
                    "interests",
                    "links",
                )
            },
        },
    )
    return response.status_code == 302


def avatar_accepted(cast, name, content, content_type):
    user = cast["member"]
    accepted = post_avatar(logged_in_client(user), name, content, content_type)
    user.profile.refresh_from_db()
    return accepted and bool(user.profile.avatar)


def document_accepted(cast, name, content, content_type):
    from wagtail.documents import get_document_model
    from wagtail.documents.forms import get_document_form

    from community.members.models import User

    admin = User.objects.create_superuser(
        f"admin-{cast.suffix}", f"admin-{cast.suffix}@example.org", "x"
    )
    form_class = get_document_form(get_document_model())
    form = form_class(
        data={
            "title": name,
            "collection": 1,
            "document_type": "programme",
            "language": "fr",
            "licence": "cc-by",
        },
        files={"file": SimpleUploadedFile(name, content, content_type=content_type)},
        user=admin,
    )
    return form.is_valid()


def wagtail_image_form(cast, name, content, content_type):
    from wagtail.images import get_image_model
    from wagtail.images.forms import get_image_form

    from community.members.models import User

    admin = User.objects.create_superuser(
        f"admin-{cast.suffix}", f"admin-{cast.suffix}@example.org", "x"
    )
    return get_image_form(get_image_model())(
        data={"title": name, "collection": 1},
        files={"file": SimpleUploadedFile(name, content, content_type=content_type)},
        user=admin,
    )


def image_accepted(cast, name, content, content_type):
    return wagtail_image_form(cast, name, content, content_type).is_valid()


UPLOADS = {
    "photo de profil": avatar_accepted,
    "document": document_accepted,
    "image (administration)": image_accepted,
}

# Image bombs: a few kilobytes on disk, hundreds of megabytes once decoded.
IMAGE_BOMBS = [
    ("bombe-20000.png", bombs.png_bomb(20_000, 20_000), "image/png"),
    ("bombe-12000.png", bombs.png_bomb(12_000, 12_000), "image/png"),
    # Under Pillow's own limit (89 Mpx), over the site's (40 Mpx).
    ("bombe-7000.png", bombs.png_bomb(7_000, 7_000), "image/png"),
    ("en-tete-60000.jpg", bombs.jpeg_claiming(60_000, 60_000), "image/jpeg"),
]
# Archive bombs: Office and OpenDocument files are ZIP archives.
ARCHIVE_BOMBS = [
    ("bombe.docx", bombs.docx_bomb(), bombs.DOCX),
    ("bombe.odt", bombs.odt_bomb(), bombs.ODT),
    ("mille-parties.docx", bombs.docx_with_parts(1_200), bombs.DOCX),
    ("bombe.zip", bombs.zip_bomb(), "application/zip"),
]

BAD_FILES = {
    "photo de profil": [
        ("script.png", b"<script>alert(1)</script>", "image/png"),
        ("page.jpg", b"<!DOCTYPE html><html></html>", "image/jpeg"),
        ("tronquee.png", png_bytes()[:60], "image/png"),
        ("enorme.png", png_bytes() + b"\0" * (3 * 1024 * 1024), "image/png"),
        (
            "image.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>',
            "image/svg+xml",
        ),
    ],
    "document": [
        ("programme.exe", b"MZ\x90\x00", "application/octet-stream"),
        ("page.html", b"<script>alert(1)</script>", "text/html"),
        ("image.svg", b"<svg onload='x()'/>", "image/svg+xml"),
        ("enorme.pdf", b"%PDF-1.4\n" + b"0" * (21 * 1024 * 1024), "application/pdf"),
        *ARCHIVE_BOMBS,
    ],
    "image (administration)": [
        ("script.png", b"<script>alert(1)</script>", "image/png"),
        *IMAGE_BOMBS,
    ],
}
BAD_FILES["photo de profil"] += IMAGE_BOMBS
GOOD_FILES = {
    "photo de profil": ("photo.png", png_bytes(), "image/png"),
    "document": ("note.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
    "image (administration)": ("photo.png", png_bytes((1600, 1200)), "image/png"),
}


@pytest.mark.parametrize(
    ("upload", "bad"),
    [(upload, bad) for upload, files in BAD_FILES.items() for bad in files],
    ids=lambda value: value if isinstance(value, str) else value[0],
)
def test_bad_upload_is_refused(upload, bad):
    assert not UPLOADS[upload](make_cast(), *bad)


def test_document_disguised_by_its_extension_is_refused():
    html = b"<html><script>x()</script></html>"
    assert not document_accepted(make_cast(), "deguise.pdf", html, "application/pdf")


@pytest.mark.parametrize("upload", list(UPLOADS))
def test_good_upload_is_accepted(upload):
    assert UPLOADS[upload](make_cast(), *GOOD_FILES[upload])


@pytest.mark.parametrize("bomb", IMAGE_BOMBS, ids=lambda bomb: bomb[0])
def test_image_bomb_gets_a_french_message_not_an_error(bomb):
    cast = make_cast()
    response = logged_in_client(cast["member"]).post(
        "/comptes/profil/",
        {
            "display_name": "Photo",
            "avatar": SimpleUploadedFile(*bomb),
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "la limite est de 40 mégapixels" in response.content.decode()
    form = wagtail_image_form(cast, *bomb)
    assert not form.is_valid()
    assert "pixels" in " ".join(form.errors["file"])


def test_a_large_photo_under_the_limit_is_accepted():
    # 6,000 × 6,000 = 36 megapixels: a camera's photo, not a bomb.
    big = ("grande.png", bombs.png_bomb(6_000, 6_000), "image/png")
    assert avatar_accepted(make_cast(), *big)
    assert image_accepted(make_cast(), *big)


@pytest.mark.parametrize("bomb", ARCHIVE_BOMBS, ids=lambda bomb: bomb[0])
def test_archive_bomb_gets_a_french_message(bomb):
    from wagtail.documents import get_document_model
    from wagtail.documents.forms import get_document_form

    from community.members.models import User

    admin = User.objects.create_superuser("admin-bombe", "bombe@example.org", "x")
    form = get_document_form(get_document_model())(
        data={
            "title": "Bombe",
            "collection": 1,
            "document_type": "programme",
            "language": "fr",
            "licence": "cc-by",
        },
        files={"file": SimpleUploadedFile(*bomb)},
        user=admin,
    )
    assert not form.is_valid()
    message = " ".join(form.errors["file"])
    assert "Une fois décompressé" in message or "Cette archive contient" in message
