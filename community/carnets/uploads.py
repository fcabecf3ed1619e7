"""Attachments of carnet entries: checked by their content, like documents.

Images (PNG, JPEG, GIF, WebP) are opened by Pillow from their bytes, their
size in pixels checked *before* decoding (an image bomb is refused without
being expanded), then fully decoded once; SVG is refused (it can carry
script). Documents go through the documents' own check
(``resources.file_types.check_document_content``): a page renamed ``.pdf`` is
refused. Sizes and the number of attachments per entry are capped.
"""

import os
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from PIL import Image, UnidentifiedImageError

from resources.file_types import check_document_content

from .choices import AttachmentKind

IMAGE_FORMATS = {
    "png": "PNG",
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "gif": "GIF",
    "webp": "WEBP",
}
DOCUMENT_EXTENSIONS = {"pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "csv", "txt"}
MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
MAX_ATTACHMENTS = 20


def safe_name(name):
    """A file name fit to show and to store: no path, no control characters."""
    name = os.path.basename((name or "").replace("\\", "/"))
    name = unicodedata.normalize("NFC", name)
    name = re.sub(r"[\x00-\x1f\x7f<>:\"/\\|?*\u200b-\u200f\u202a-\u202e]", "", name)
    name = name.strip().rstrip(" .") or "fichier"
    if name.startswith("."):  # « .png »: a name that is only an extension
        name = f"fichier{name}"
    stem, dot, extension = name.rpartition(".")
    if dot and len(name) > 120:
        name = f"{stem[: 119 - len(extension)]}.{extension}"
    return name[:120]


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_image(upload, extension):
    """Return (width, height) of a real image of the format its name says."""
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _(
                        "Cette image est trop grande (%(width)s × %(height)s pixels) : "
                        "réduisez-la sous %(limit)s millions de pixels."
                    ),
                    params={
                        "width": width,
                        "height": height,
                        "limit": MAX_IMAGE_PIXELS // 1_000_000,
                    },
                    code="too_many_pixels",
                )
            if image.format != IMAGE_FORMATS[extension]:
                raise ValidationError(
                    _(
                        "Le contenu de ce fichier ne correspond pas à son extension "
                        "« .%(extension)s »."
                    ),
                    params={"extension": extension},
                    code="content_mismatch",
                )
            image.load()
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:
        raise ValidationError(
            _(
                "Cette image est trop grande : réduisez-la sous %(limit)s millions de pixels."
            ),
            params={"limit": MAX_IMAGE_PIXELS // 1_000_000},
            code="too_many_pixels",
        ) from error
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
    ) as error:
        raise ValidationError(
            _("Ce fichier n'est pas une image lisible (PNG, JPEG, GIF ou WebP)."),
            code="invalid_image",
        ) from error
    finally:
        upload.seek(0)
    return width, height


def check_attachment(upload):
    """Validate an uploaded file; return ``(kind, name, width, height)``."""
    name = safe_name(upload.name)
    extension = extension_of(name)
    if extension in IMAGE_FORMATS:
        if upload.size > MAX_IMAGE_BYTES:
            raise _too_big(upload, MAX_IMAGE_BYTES)
        width, height = check_image(upload, extension)
        return AttachmentKind.IMAGE, name, width, height
    if extension in DOCUMENT_EXTENSIONS:
        if upload.size > MAX_DOCUMENT_BYTES:
            raise _too_big(upload, MAX_DOCUMENT_BYTES)
        check_document_content(upload, extension)
        return AttachmentKind.DOCUMENT, name, None, None
    raise ValidationError(
        _(
            "Ce type de fichier n'est pas accepté. Images : PNG, JPEG, GIF, WebP ; "
            "documents : %(extensions)s."
        ),
        params={"extensions": ", ".join(sorted(DOCUMENT_EXTENSIONS))},
        code="extension",
    )


def _too_big(upload, limit):
    return ValidationError(
        _("Ce fichier pèse %(size)s : la limite est de %(limit)s."),
        params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        code="too_big",
    )
