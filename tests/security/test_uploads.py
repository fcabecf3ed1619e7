"""Uploads are checked by content and size, not by their name.

``UPLOADS`` lists each upload a member or an editor can make, with a function
that posts a file and returns whether it was accepted; a capability that adds
an upload adds its entry here.
"""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image

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


UPLOADS = {"photo de profil": avatar_accepted, "document": document_accepted}

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
    ],
}
GOOD_FILES = {
    "photo de profil": ("photo.png", png_bytes(), "image/png"),
    "document": ("note.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
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
