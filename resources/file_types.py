"""What an uploaded document really is, read from its bytes, against its name.

Wagtail checks the extension and the size only: an HTML page renamed
``programme.pdf`` would be served to readers as a PDF. ``filetype`` reads the
signature; ZIP-based formats (Office Open XML, OpenDocument) are confirmed by
the part that defines them, read with :mod:`zipfile` once ``home.uploads``
has bounded the archive (member count, expanded size: no archive bomb is
unpacked); text formats must be text, and not markup a browser could run.
"""

import codecs
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

import filetype

from home.uploads import ARCHIVE_MAX_EXPANDED, archive_members, iter_member

# Extension → the ZIP member that proves the format.
ZIP_FORMATS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
    "odt": "content.xml",
    "ods": "content.xml",
    "odp": "content.xml",
}
SIGNATURES = {"pdf": {"pdf"}, "rtf": {"rtf"}, "zip": {"zip", *ZIP_FORMATS, "epub"}}
TEXT_FORMATS = {"csv", "txt"}
# Markup a browser would render (and run) if the file were ever served as HTML.
MARKUP_STARTS = (b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml", b"<body")
HEAD_SIZE = 8192


def _head(uploaded):
    uploaded.seek(0)
    head = uploaded.read(HEAD_SIZE)
    uploaded.seek(0)
    return head


def _describe(head):
    kind = filetype.guess(head)
    if kind is not None:
        return kind.extension.upper()
    if _looks_like_markup(head):
        return "HTML"
    return _("inconnu")


def _looks_like_markup(head):
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith(MARKUP_STARTS)


# What a damaged, encrypted or exotic archive raises while it is read.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    EOFError,
    RuntimeError,
    NotImplementedError,
    ValueError,
)


def _is_zip_format(uploaded, extension):
    """Whether ``uploaded`` is an archive of the ``extension`` format; raise
    ``ValidationError`` (from ``home.uploads``) for an archive bomb."""
    try:
        members = archive_members(uploaded)
        if extension != "zip":
            return ZIP_FORMATS[extension] in {member.filename for member in members}
        # A plain ZIP: every member's checksum, read within the bound.
        with zipfile.ZipFile(uploaded) as archive:
            for member in members:
                for _chunk in iter_member(archive, member, ARCHIVE_MAX_EXPANDED):
                    pass
        return True
    except ZIP_ERRORS:
        return False
    finally:
        uploaded.seek(0)


def _is_text(head):
    if b"\0" in head or _looks_like_markup(head):
        return False
    for encoding in ("utf-8", "cp1252"):
        # Incremental: the head may end in the middle of a character.
        try:
            codecs.getincrementaldecoder(encoding)().decode(head, final=False)
            return True
        except UnicodeDecodeError:
            continue
    return False


def check_document_content(uploaded, extension):
    """Raise ``ValidationError`` unless the bytes of ``uploaded`` are a file of
    type ``extension`` (without dot, lower case)."""
    head = _head(uploaded)
    if extension in TEXT_FORMATS:
        valid = _is_text(head)
    elif extension in ZIP_FORMATS or extension == "zip":
        kind = filetype.guess(head)
        valid = (
            kind is not None
            and kind.extension in SIGNATURES["zip"]
            and _is_zip_format(uploaded, extension)
        )
    elif extension in SIGNATURES:
        kind = filetype.guess(head)
        valid = kind is not None and kind.extension in SIGNATURES[extension]
    else:
        valid = False
    if not valid:
        raise ValidationError(
            _(
                "Le contenu de ce fichier ne correspond pas à son extension "
                "« .%(extension)s » (contenu détecté : %(detected)s). Enregistrez "
                "le document dans ce format, ou renommez-le avec la bonne extension."
            ),
            code="content_mismatch",
            params={"extension": extension, "detected": _describe(head)},
        )
