"""Text extraction from uploaded documents (PDF, DOCX, ODT, plain text).

Pure functions: they read a file object and return an ``Extraction``; the
background task in ``tasks.py`` stores the result. Nothing here raises on a
malformed file: any parser error becomes a FAILED extraction with a message
an editor can act on.
"""

import io
import logging
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .choices import ExtractionStatus

logger = logging.getLogger(__name__)

# Enough for search; a 20 MB upload can hold far more text than is useful.
MAX_TEXT_LENGTH = 500_000


@dataclass
class Extraction:
    status: str
    text: str = ""
    message: str = ""


def _pdf_text(data):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt("")
    return "\n".join(page.extract_text() or "" for page in reader.pages)


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
        text = extractor(data)
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
