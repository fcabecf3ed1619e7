import io
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from resources.demo_files import make_docx, make_odt, make_pdf
from resources.file_types import check_document_content
from tests.support import bombs


def zipped(**members):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, content in members.items():
            archive.writestr(name.replace("__", "/"), content)
    return output.getvalue()


HTML = b"<!DOCTYPE html><html><script>alert(1)</script></html>"
GOOD = [
    ("pdf", make_pdf(["Programme"])),
    ("docx", make_docx("Fiche", ["Défi"])),
    ("odt", make_odt("Carnet", ["Moment 1"])),
    ("zip", zipped(**{"a.txt": "x"})),
    ("zip", make_docx("Une archive peut contenir", ["un document"])),
    ("rtf", b"{\\rtf1\\ansi Bonjour}"),
    ("txt", "Équipe apprenante, déjà là.\n".encode()),
    ("txt", "Équipe apprenante en Windows-1252".encode("cp1252")),
    ("csv", b"\xef\xbb\xbfnom;site\nSWOT;Rennes\n"),
    # A long UTF-8 text cut by the 8 KB head in the middle of « é ».
    ("txt", ("a" * 8191 + "é").encode()),
]
BAD = [
    ("pdf", HTML),
    ("pdf", b"MZ\x90\x00 not a pdf"),
    ("docx", make_odt("Un ODT", ["renommé"])),
    ("docx", zipped(**{"a.txt": "x"})),
    ("odt", make_pdf(["Un PDF renommé"])),
    ("xlsx", make_docx("Un DOCX", ["renommé"])),
    ("zip", b"PK\x03\x04 broken"),
    ("rtf", HTML),
    ("txt", HTML),
    ("txt", b"  <svg onload='x()'/>"),
    ("csv", b"MZ\x00\x00\x00binary"),
    ("exe", b"MZ\x90\x00"),
]


def as_upload(content, extension):
    return SimpleUploadedFile(f"fichier.{extension}", content)


@pytest.mark.parametrize(("extension", "content"), GOOD, ids=[e for e, _ in GOOD])
def test_a_file_whose_bytes_match_its_extension_passes(extension, content):
    check_document_content(as_upload(content, extension), extension)


@pytest.mark.parametrize(("extension", "content"), BAD, ids=[e for e, _ in BAD])
def test_a_file_whose_bytes_do_not_match_its_extension_is_refused(extension, content):
    uploaded = as_upload(content, extension)
    with pytest.raises(ValidationError) as refusal:
        check_document_content(uploaded, extension)
    assert f"« .{extension} »" in str(refusal.value.messages[0])
    # The file can still be read from the start (nothing consumed).
    assert uploaded.read(4) == content[:4]


def test_the_message_says_what_was_found():
    with pytest.raises(ValidationError) as refusal:
        check_document_content(as_upload(HTML, "pdf"), "pdf")
    assert "contenu détecté : HTML" in refusal.value.messages[0]


ARCHIVE_BOMBS = [
    ("docx", bombs.docx_bomb(), "Une fois décompressé"),
    ("odt", bombs.odt_bomb(), "Une fois décompressé"),
    ("docx", bombs.docx_with_parts(1_200), "Cette archive contient"),
    ("zip", bombs.zip_bomb(), "Une fois décompressé"),
]


@pytest.mark.parametrize(
    ("extension", "content", "message"),
    ARCHIVE_BOMBS,
    ids=["docx", "odt", "parts", "zip"],
)
def test_an_archive_bomb_is_refused_before_it_is_unpacked(
    extension, content, message, monkeypatch
):
    # Not one member may be read: the directory alone refuses the file.
    monkeypatch.setattr(
        zipfile.ZipFile, "open", lambda *a, **k: pytest.fail("member read")
    )
    with pytest.raises(ValidationError) as refusal:
        check_document_content(as_upload(content, extension), extension)
    assert message in refusal.value.messages[0]
    assert "limite" in refusal.value.messages[0]


def test_a_large_honest_archive_is_accepted():
    # 15 MB of text that barely compresses: under both limits, and read.
    import os

    members = {f"partie-{n}.txt": os.urandom(300_000).hex() for n in range(25)}
    check_document_content(as_upload(zipped(**members), "zip"), "zip")
