"""What an uploaded file may cost once opened: the one place for these limits.

A 50 KB PNG can claim 20,000 × 20,000 pixels and a 64 KB DOCX can inflate to
20 MB: their size on disk says nothing of the memory and time they take to
decode. So every upload that accepts images or archives checks them here,
before decoding or unpacking anything:

- images (avatars, Wagtail images, carnet attachments): the pixel count read
  from the header, at most ``settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS``;
- ZIP archives and the formats built on them (DOCX, XLSX, PPTX, ODT, ODS,
  ODP): the number of members and their expanded size read from the central
  directory (checked against the end record before the directory is even
  parsed); members are then read through ``iter_member``/``read_member``,
  which stop at their bound whatever the headers claim.

Each refusal is a ``ValidationError`` with a French message an author can act
on; a form shows it, the text extraction stores it with its « échec » status.
"""

import warnings
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from PIL import Image

MB = 1024 * 1024
ARCHIVE_MAX_MEMBERS = 1000
ARCHIVE_MAX_EXPANDED = 100 * MB
# Office documents compress their XML 5 to 20 times; a bomb, hundreds of times.
# The ratio counts only past ARCHIVE_RATIO_FROM, where it starts to cost.
ARCHIVE_MAX_RATIO = 100
ARCHIVE_RATIO_FROM = 10 * MB

END_RECORD = b"PK\x05\x06"
END_RECORD_SIZE = 22
END_RECORD_SEARCH = END_RECORD_SIZE + 65_535  # the record ends with a comment
ZIP64_COUNT = 0xFFFF


def max_image_pixels():
    return settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def _too_many_pixels(width=None, height=None):
    limit = max_image_pixels()
    if width and height:
        message = _(
            "Cette image mesure %(width)s × %(height)s pixels, soit "
            "%(megapixels)s mégapixels : la limite est de %(max)s mégapixels. "
            "Réduisez-la (une largeur de 4 000 pixels suffit largement) et "
            "déposez-la de nouveau."
        )
        params = {
            "width": width,
            "height": height,
            "megapixels": round(width * height / 1_000_000),
            "max": limit // 1_000_000,
        }
    else:
        message = _(
            "Cette image annonce bien plus de pixels qu'il n'en faut : la "
            "limite est de %(max)s mégapixels. Réduisez-la et déposez-la de "
            "nouveau."
        )
        params = {"max": limit // 1_000_000}
    return ValidationError(message, code="image_too_large", params=params)


def open_image(file):
    """Open ``file`` with Pillow, reading only its header, and return the
    (not yet decoded) image; raise ``ValidationError`` when it has more pixels
    than the limit. Other errors (not an image, truncated) are Pillow's, for
    the caller to word."""
    file.seek(0)
    with warnings.catch_warnings():
        # Pillow warns past its own limit (ours is lower: the size is checked
        # below, with the image's dimensions in the message) and refuses past
        # twice that, before telling the dimensions.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(file)
        except Image.DecompressionBombError:
            raise _too_many_pixels() from None
    width, height = image.size
    if width * height > max_image_pixels():
        raise _too_many_pixels(width, height)
    return image


def check_image_pixels(file):
    """Raise ``ValidationError`` if ``file`` is an image with too many pixels;
    a file Pillow cannot read is left to the caller's own checks."""
    try:
        open_image(file)
    except (OSError, SyntaxError, ValueError):
        pass
    finally:
        file.seek(0)


def _archive_error(message, code, **params):
    return ValidationError(message, code=code, params=params)


def _too_many_members(count):
    return _archive_error(
        _(
            "Cette archive contient %(count)s fichiers : la limite est de "
            "%(max)s. Allégez le document ou déposez-le en plusieurs parties."
        ),
        "archive_too_many_members",
        count=count,
        max=ARCHIVE_MAX_MEMBERS,
    )


def _declared_member_count(file):
    """The number of members the archive's end record announces (read from
    the last bytes only), or None if there is no end record."""
    file.seek(0, 2)
    size = file.tell()
    file.seek(max(0, size - END_RECORD_SEARCH))
    tail = file.read()
    file.seek(0)
    position = tail.rfind(END_RECORD)
    if position < 0 or len(tail) - position < END_RECORD_SIZE:
        return None
    return int.from_bytes(tail[position + 10 : position + 12], "little")


def archive_members(file, max_expanded=ARCHIVE_MAX_EXPANDED):
    """The members of the ZIP archive ``file`` (``ZipInfo`` list) once its
    member count, expanded size and compression ratio are known to be within
    bounds; raise ``ValidationError`` otherwise, and ``zipfile.BadZipFile``
    for a file that is not an archive at all."""
    count = _declared_member_count(file)
    if count is not None and count > ARCHIVE_MAX_MEMBERS:
        # ZIP64_COUNT means « more than 65,534 »: refused just the same.
        raise _too_many_members(count)
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
    finally:
        file.seek(0)
    if len(members) > ARCHIVE_MAX_MEMBERS:
        raise _too_many_members(len(members))
    expanded = sum(member.file_size for member in members)
    file.seek(0, 2)
    size = max(file.tell(), 1)
    file.seek(0)
    if expanded > max_expanded or (
        expanded > ARCHIVE_RATIO_FROM and expanded / size > ARCHIVE_MAX_RATIO
    ):
        raise _archive_error(
            _(
                "Une fois décompressé, ce fichier de %(size)s occuperait "
                "%(expanded)s (%(ratio)s fois sa taille) : c'est au-delà des "
                "limites (%(max)s, ou %(max_ratio)s fois la taille du fichier). "
                "Enregistrez-le de nouveau depuis son logiciel, ou allégez-le."
            ),
            "archive_too_large",
            size=filesizeformat(size),
            expanded=filesizeformat(expanded),
            ratio=round(expanded / size),
            max=filesizeformat(max_expanded),
            max_ratio=ARCHIVE_MAX_RATIO,
        )
    return members


def iter_member(archive, member, limit):
    """The bytes of ``member`` (a ``ZipInfo`` of the open ``archive``) in
    chunks, never more than ``limit`` bytes whatever its header claims
    (``ValidationError`` past the limit; ``zipfile.BadZipFile`` if its
    checksum is wrong)."""
    total = 0
    with archive.open(member) as stream:
        while chunk := stream.read(64 * 1024):
            total += len(chunk)
            if total > limit:
                raise _archive_error(
                    _("Un élément de l'archive dépasse %(max)s une fois décompressé."),
                    "archive_member_too_large",
                    max=filesizeformat(limit),
                )
            yield chunk


def read_member(archive, member, limit):
    """``iter_member``'s chunks joined."""
    return b"".join(iter_member(archive, member, limit))
