"""Text extraction from uploaded documents (PDF, DOCX, ODT, plain text).

Pure functions: they read a file object and return an ``Extraction``; the
background task in ``tasks.py`` stores the result. Nothing here raises on a
malformed file: any parser error becomes a FAILED extraction with a message
an editor can act on.

Work is bounded before any parser runs: DOCX and ODT archives are checked by
``home.uploads`` (member count, expanded size) and their XML, which the
parsers load whole into memory, by ``MAX_XML_SIZE``; PDF streams decompress
within pypdf's limits lowered to ``MAX_PDF_STREAM``, and pages are read only
until ``MAX_TEXT_LENGTH`` characters are gathered.
"""

import io
import logging
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from home.uploads import archive_members

from .choices import ExtractionStatus

logger = logging.getLogger(__name__)

# Enough for search; a 20 MB upload can hold far more text than is useful.
MAX_TEXT_LENGTH = 500_000
# XML parts are parsed whole (about 20 bytes of memory per byte of XML); 8 MB
# of Word or OpenDocument XML hold far more than MAX_TEXT_LENGTH characters.
MAX_XML_SIZE = 8 * 1024 * 1024
MAX_PDF_STREAM = 32 * 1024 * 1024
MAX_PDF_PAGES = 3000
# pypdf's own bounds (75 MB each by default), lowered to MAX_PDF_STREAM.
PDF_LIMITS = (
    "maximum_declared_stream_length",
    "array_based_stream_maximum_output_length",
    "jbig2_maximum_output_length",
    "lzw_maximum_output_length",
    "run_length_maximum_output_length",
    "zlib_maximum_output_length",
    "brotli_maximum_output_length",
    "image_maximum_buffer_size",
)
ARCHIVE_FORMATS = {"docx", "odt"}


@dataclass
class Extraction:
    status: str
    text: str = ""
    message: str = ""


def _pdf_text(data):
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError

    limits = dict.fromkeys(PDF_LIMITS, MAX_PDF_STREAM)
    with apply_configuration(**limits):
        try:
            return _pdf_pages_text(PdfReader(io.BytesIO(data)))
        except LimitReachedError as error:
            raise ValidationError(
                _(
                    "Une partie du PDF dépasse %(max)s une fois décompressée : "
                    "la lecture s'arrête là."
                ),
                code="pdf_too_large",
                params={"max": filesizeformat(MAX_PDF_STREAM)},
            ) from error


def _pdf_pages_text(reader):
    """The pages' text, until MAX_TEXT_LENGTH characters or MAX_PDF_PAGES."""
    if reader.is_encrypted:
        reader.decrypt("")
    parts, length = [], 0
    for number, page in enumerate(reader.pages):
        if number >= MAX_PDF_PAGES or length >= MAX_TEXT_LENGTH:
            break
        # pypdf's text extraction swallows its own limits (an empty page);
        # reading the content stream first says when one was reached.
        page.get_contents()
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
    return "\n".join(parts)


def _check_archive(data):
    """Raise ``ValidationError`` unless the archive is within the bounds of
    ``home.uploads`` and its XML within ``MAX_XML_SIZE``."""
    members = archive_members(io.BytesIO(data))
    xml = sum(
        member.file_size
        for member in members
        if member.filename.endswith((".xml", ".rels"))
    )
    if xml > MAX_XML_SIZE:
        raise ValidationError(
            _(
                "Son texte occuperait %(size)s une fois décompressé : la lecture "
                "s'arrête à %(max)s."
            ),
            code="archive_too_large",
            params={"size": filesizeformat(xml), "max": filesizeformat(MAX_XML_SIZE)},
        )


def _docx_text(data):
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _odt_text(data):
    from odf import teletype
    from odf.namespaces import TEXTNS
    from odf.opendocument import load

    blocks = {(TEXTNS, "p"), (TEXTNS, "h")}
    parts = []

    def walk(element):
        # Paragraphs and headings in document order, also inside lists/tables.
        for child in element.childNodes:
            if getattr(child, "qname", None) in blocks:
                parts.append(teletype.extractText(child))
            elif child.nodeType == child.ELEMENT_NODE:
                walk(child)

    walk(load(io.BytesIO(data)).text)
    return "\n".join(parts)


def _plain_text(data):
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


EXTRACTORS = {
    "pdf": _pdf_text,
    "docx": _docx_text,
    "odt": _odt_text,
    "txt": _plain_text,
    "csv": _plain_text,
}


def extract_text(data, extension):
    """Extract the text of ``data`` (bytes) according to the file ``extension``."""
    extension = (extension or "").lower().lstrip(".")
    extractor = EXTRACTORS.get(extension)
    if extractor is None:
        return Extraction(
            ExtractionStatus.UNSUPPORTED,
            message=_(
                "Le format « %(ext)s » n'est pas analysé : seul le titre et "
                "la description servent à la recherche."
            )
            % {"ext": extension},
        )
    try:
        if extension in ARCHIVE_FORMATS:
            _check_archive(data)
        text = extractor(data)
    except ValidationError as error:  # over a limit: said as such
        logger.warning("Text extraction refused (%s): %s", extension, error)
        return Extraction(
            ExtractionStatus.FAILED,
            message=" ".join(error.messages)
            + " "
            + _(
                "Le document est bien enregistré, mais son texte n'est pas "
                "consultable dans la recherche."
            ),
        )
    except (Exception, zipfile.BadZipFile) as error:  # any parser error, never a 500
        logger.warning("Text extraction failed (%s): %s", extension, error)
        return Extraction(
            ExtractionStatus.FAILED,
            message=_(
                "Le fichier n'a pas pu être lu comme un document %(ext)s "
                "(fichier endommagé ou mal nommé ?). Le document est bien "
                "enregistré, mais son texte n'est pas consultable dans la recherche."
            )
            % {"ext": extension.upper()},
        )
    text = " ".join(text.split()) if text else ""
    if not text:
        return Extraction(
            ExtractionStatus.EMPTY,
            message=_(
                "Aucun texte trouvé dans ce fichier (un PDF scanné, par exemple). "
                "Le document est bien enregistré ; pensez à rédiger sa description."
            ),
        )
    return Extraction(ExtractionStatus.DONE, text=text[:MAX_TEXT_LENGTH])
