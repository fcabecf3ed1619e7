"""The upload limits every image and archive upload goes through."""

import io
import zipfile

from django.core.exceptions import ValidationError

import pytest
from PIL import Image

from home import uploads
from tests.support import bombs


def test_an_image_is_measured_from_its_header_without_decoding(monkeypatch):
    monkeypatch.setattr(
        Image.Image, "load", lambda self: pytest.fail("decoded"), raising=True
    )
    with pytest.raises(ValidationError) as refusal:
        uploads.open_image(io.BytesIO(bombs.png_bomb(7_000, 7_000)))
    assert "7000 × 7000 pixels, soit 49 mégapixels" in refusal.value.messages[0]


@pytest.mark.parametrize(
    "content",
    [bombs.png_bomb(20_000, 20_000), bombs.jpeg_claiming(60_000, 60_000)],
    ids=["png", "jpeg"],
)
def test_pillow_s_own_refusal_becomes_a_french_message(content):
    with pytest.raises(ValidationError) as refusal:
        uploads.open_image(io.BytesIO(content))
    assert refusal.value.code == "image_too_large"
    assert "la limite est de 40 mégapixels" in refusal.value.messages[0]


def test_the_limit_is_the_wagtail_setting(settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100
    output = io.BytesIO()
    Image.new("RGB", (11, 10)).save(output, format="PNG")
    with pytest.raises(ValidationError):
        uploads.open_image(output)
    output = io.BytesIO()
    Image.new("RGB", (10, 10)).save(output, format="PNG")
    assert uploads.open_image(output).size == (10, 10)


def test_the_member_count_is_read_before_the_directory(monkeypatch):
    content = bombs.docx_with_parts(1_200)
    monkeypatch.setattr(zipfile, "ZipFile", lambda *a, **k: pytest.fail("parsed"))
    with pytest.raises(ValidationError) as refusal:
        uploads.archive_members(io.BytesIO(content))
    assert "1217 fichiers" in refusal.value.messages[0]


def test_a_member_is_read_within_its_bound():
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.bin", b"\0" * 100_000)
    with zipfile.ZipFile(output) as archive:
        member = archive.infolist()[0]
        assert len(uploads.read_member(archive, member, 100_000)) == 100_000
        with pytest.raises(ValidationError):
            uploads.read_member(archive, member, 99_999)


def test_a_member_lying_about_its_size_is_not_read_past_it():
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.bin", b"\0" * 1_000_000)
    data = bytearray(output.getvalue())
    # Both headers now claim 1,000 bytes instead of 1,000,000.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = data.index(signature)
        data[start + offset : start + offset + 4] = (1_000).to_bytes(4, "little")
    members = uploads.archive_members(io.BytesIO(bytes(data)))
    assert members[0].file_size == 1_000
    with (
        zipfile.ZipFile(io.BytesIO(bytes(data))) as archive,
        pytest.raises(zipfile.BadZipFile),  # its checksum, at 1,000 bytes
    ):
        uploads.read_member(archive, members[0], 2_000)
