"""Reading BibTeX and RIS files into *records*: plain, JSON-serialisable dicts
named like ``ReferencePage``'s fields, that the import preview keeps in the
session between its steps.

A file that cannot be read at all raises ``ImportFileError`` with a French
message; an entry that cannot be read is left out with a warning, and the
others are kept.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

import bibtexparser
import rispy
from bibtexparser.middlewares.names import (
    parse_single_name_into_parts,
    split_multiple_persons_names,
)
from bibtexparser.model import DuplicateBlockKeyBlock, ParsingFailedBlock
from pylatexenc.latex2text import LatexNodes2Text

from .choices import ContributorRole, ReferenceType
from .mappings import ARTICLE_SUBTYPES, BIBTEX_IMPORT_TYPES, RIS_IMPORT_TYPES
from .models import ReferencePage, normalise_doi

PAGE_RANGE = re.compile(r"\s*[-‐‑–—]+\s*")


class ImportFileError(Exception):
    """The whole file is unreadable: nothing can be imported from it."""


@dataclass
class ParsedFile:
    format: str
    records: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


def decode(data):
    """Text of an uploaded file, and a warning when it was not UTF-8."""
    if b"\x00" in data[:4096]:
        raise ImportFileError(
            _(
                "Ce fichier n'est pas un fichier texte (c'est peut-être un PDF ou "
                "un document Word) : rien n'a été importé. Exportez votre "
                "bibliographie au format BibTeX ou RIS."
            )
        )
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    for encoding, label in (("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, _(
            "Le fichier n'est pas encodé en UTF-8 : il a été lu comme du %(label)s. "
            "Vérifiez les accents dans l'aperçu avant de confirmer."
        ) % {"label": label}


def parse_file(filename, data):
    """Records of an uploaded BibTeX or RIS file (raw bytes)."""
    if not data.strip():
        raise ImportFileError(_("Le fichier est vide : rien n'a été importé."))
    text, warning = decode(data)
    if re.search(r"^\s*@\s*\w+\s*[{(]", text, re.M) and not filename.lower().endswith(
        ".ris"
    ):
        parsed = parse_bibtex(text)
    elif re.search(r"^TY  -", text, re.M):
        parsed = parse_ris(text)
    else:
        raise ImportFileError(
            _(
                "Format non reconnu : ce fichier ne contient ni entrée BibTeX "
                "(« @book{… ») ni entrée RIS (« TY  - … »). Rien n'a été importé."
            )
        )
    if warning:
        parsed.warnings.insert(0, warning)
    if not parsed.records:
        raise ImportFileError(
            _("Aucune référence lisible dans ce fichier : rien n'a été importé.")
            + (" " + " ".join(parsed.warnings) if parsed.warnings else "")
        )
    return parsed


# --- BibTeX ---------------------------------------------------------------

latex = LatexNodes2Text()


def untex(value):
    """LaTeX markup (accents, escapes, protective braces) to plain text."""
    return " ".join(latex.latex_to_text(value).split())


def bibtex_contributors(value, role):
    contributors = []
    for name in split_multiple_persons_names(value):
        name = name.strip()
        if name.startswith("{") and name.endswith("}"):
            contributors.append(
                {"role": role, "family": "", "given": "", "literal": untex(name)}
            )
            continue
        parts = parse_single_name_into_parts(name, strict=False)
        family = " ".join(parts.von + parts.last + parts.jr)
        contributors.append(
            {
                "role": role,
                "family": untex(family),
                "given": untex(" ".join(parts.first)),
                "literal": "",
            }
        )
    return contributors


def parse_bibtex(text):
    parsed = ParsedFile("bibtex")
    try:
        library = bibtexparser.parse_string(text)
    except Exception as error:  # the parser's own errors have no common base
        raise ImportFileError(
            _("Fichier BibTeX illisible (%(error)s) : rien n'a été importé.")
            % {"error": error}
        ) from error
    for block in library.failed_blocks:
        if isinstance(block, DuplicateBlockKeyBlock):
            message = _("clé « %(key)s » déjà utilisée plus haut dans le fichier")
            message %= {"key": block.key}
        elif isinstance(block, ParsingFailedBlock):
            message = _("syntaxe BibTeX incorrecte (accolade ou guillemet manquant ?)")
        else:
            message = _("bloc illisible")
        parsed.warnings.append(
            _("Ligne %(line)s : %(message)s ; cette entrée est ignorée.")
            % {"line": block.start_line + 1, "message": message}
        )
    for entry in library.entries:
        record = bibtex_record(entry, parsed.warnings)
        if record:
            parsed.records.append(record)
    return parsed


def bibtex_record(entry, warnings):
    fields = {f.key.lower(): f.value for f in entry.fields}
    label = f"@{entry.entry_type}{{{entry.key}"
    kind = BIBTEX_IMPORT_TYPES.get(entry.entry_type.lower())
    if kind is None:
        warnings.append(
            _(
                "%(label)s : type d'entrée « %(type)s » inconnu ; la référence est "
                "gardée comme « Autre document »."
            )
            % {"label": label, "type": entry.entry_type}
        )
        kind = ReferenceType.DOCUMENT
    if kind == ReferenceType.ARTICLE_JOURNAL:
        kind = ARTICLE_SUBTYPES.get(fields.get("entrysubtype", ""), kind)

    def text(*names):
        for name in names:
            if fields.get(name, "").strip():
                return untex(fields[name])
        return ""

    record = {
        "label": label,
        "citation_key": entry.key,
        "reference_type": kind,
        "title": text("title"),
        "contributors": [],
        "container_title": text("journal", "journaltitle", "booktitle"),
        "collection_title": text("series"),
        "edition": text("edition"),
        "publisher": text("publisher", "institution", "school", "organization"),
        "publisher_place": text("address", "location"),
        "volume": text("volume"),
        "issue": text("number", "issue"),
        "pages": PAGE_RANGE.sub("-", fields.get("pages", "").strip()),
        "genre": text("type"),
        "online_url": fields.get("url", "").strip(),
        "doi": fields.get("doi", "").strip(),
        "isbn": fields.get("isbn", fields.get("issn", "")).strip(),
        "language": text("language", "langid"),
        "abstract": text("abstract"),
        "tags": split_keywords(text("keywords")),
    }
    for role in ContributorRole.values:
        if fields.get(role, "").strip():
            record["contributors"] += bibtex_contributors(fields[role], role)
    record["year"], record["date"] = read_date(
        fields.get("date", ""), fields.get("year", ""), label, warnings
    )
    record["accessed"] = read_date(fields.get("urldate", ""), "", label, warnings)[1]
    return check_record(record, warnings)


# --- RIS ------------------------------------------------------------------

RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")


def ris_chunks(text, warnings):
    """The entries of a RIS file, one text per ``TY`` … ``ER``; an entry that is
    never closed is reported and left out."""
    chunk, start = None, 0
    for number, line in enumerate(text.splitlines(), start=1):
        match = RIS_LINE.match(line.rstrip())
        tag = match.group(1) if match else None
        if tag == "TY":
            if chunk is not None:
                warnings.append(unclosed(start))
            chunk, start = [line], number
        elif chunk is not None:
            chunk.append(line)
            if tag == "ER":
                yield start, "\n".join(chunk) + "\n"
                chunk = None
    if chunk is not None:
        warnings.append(unclosed(start))


def unclosed(line):
    return _(
        "Ligne %(line)s : entrée RIS sans fin (« ER  - » manquant) ; elle est ignorée."
    ) % {"line": line}


def parse_ris(text):
    parsed = ParsedFile("ris")
    for line, chunk in ris_chunks(text, parsed.warnings):
        try:
            entries = rispy.loads(chunk)
        except Exception:  # rispy raises KeyError, ValueError… on bad lines
            parsed.warnings.append(
                _("Ligne %(line)s : entrée RIS mal formée ; elle est ignorée.")
                % {"line": line}
            )
            continue
        for entry in entries:
            record = ris_record(entry, line, parsed.warnings)
            if record:
                parsed.records.append(record)
    return parsed


def ris_contributors(names, role):
    contributors = []
    for name in names:
        family, comma, given = (part.strip() for part in name.partition(","))
        if comma:
            contributors.append(
                {"role": role, "family": family, "given": given, "literal": ""}
            )
        else:  # "Lastname, Firstname" is a person; a name without comma is not.
            contributors.append(
                {"role": role, "family": "", "given": "", "literal": name.strip()}
            )
    return contributors


def ris_date_text(value):
    """ "2019/05/02/" or "2010///" to "2019-05-02" / "2010"."""
    parts = [part for part in (value or "").strip().split("/") if part.strip()]
    return "-".join(parts)


def ris_record(entry, line, warnings):
    label = _("ligne %(line)s") % {"line": line}
    ris_type = entry.get("type_of_reference", "")
    kind = RIS_IMPORT_TYPES.get(ris_type)
    if kind is None:
        warnings.append(
            _(
                "%(label)s : type RIS « %(type)s » inconnu ; la référence est "
                "gardée comme « Autre document »."
            )
            % {"label": label, "type": ris_type}
        )
        kind = ReferenceType.DOCUMENT

    def text(*keys):
        for key in keys:
            value = entry.get(key)
            if isinstance(value, list):
                value = value[0] if value else ""
            if value and str(value).strip():
                return " ".join(str(value).split())
        return ""

    start, end = text("start_page"), text("end_page")
    record = {
        "label": label,
        "citation_key": text("id"),
        "reference_type": kind,
        "title": text("title", "primary_title"),
        "contributors": ris_contributors(
            entry.get("authors", []) + entry.get("first_authors", []), "author"
        )
        + ris_contributors(entry.get("secondary_authors", []), "editor")
        + ris_contributors(entry.get("subsidiary_authors", []), "translator"),
        "container_title": text(
            "secondary_title", "journal_name", "alternate_title3", "alternate_title1"
        ),
        "collection_title": text("tertiary_title"),
        "edition": text("edition"),
        "publisher": text("publisher"),
        "publisher_place": text("place_published"),
        "volume": text("volume"),
        "issue": text("number"),
        "pages": f"{start}-{end}" if start and end else start or end,
        "genre": text("type_of_work"),
        "online_url": text("urls"),
        "doi": text("doi"),
        "isbn": text("issn"),
        "language": text("language"),
        "abstract": text("abstract", "notes_abstract"),
        "tags": [kw.strip() for kw in entry.get("keywords", []) if kw.strip()],
    }
    record["year"], record["date"] = read_date(
        ris_date_text(text("date")),
        ris_date_text(text("year", "publication_year")),
        label,
        warnings,
    )
    record["accessed"] = read_date(
        ris_date_text(text("access_date")), "", label, warnings
    )[1]
    return check_record(record, warnings)


# --- Shared ---------------------------------------------------------------


def split_keywords(value):
    return [word.strip() for word in re.split(r"[,;]", value) if word.strip()]


def read_date(date_text, year_text, label, warnings):
    """(year, "YYYY-MM-DD" or "") from an ISO-like date and/or a year."""
    year, full = None, ""
    date_text = date_text.strip()
    if date_text:
        try:
            full = datetime.date.fromisoformat(date_text[:10]).isoformat()
            year = int(full[:4])
        except ValueError:
            match = re.match(r"^(\d{4})", date_text)
            if match:
                year = int(match.group(1))
            else:
                warnings.append(
                    _("%(label)s : date « %(value)s » illisible, ignorée.")
                    % {"label": label, "value": date_text}
                )
    match = re.search(r"\d{4}", year_text or "")
    if year is None and match:
        year = int(match.group(0))
    elif year is None and (year_text or "").strip():
        warnings.append(
            _("%(label)s : année « %(value)s » illisible, ignorée.")
            % {"label": label, "value": year_text}
        )
    return year, full


def check_record(record, warnings):
    """Keep the record if it has a title; cut what the fields cannot hold."""
    label = record["label"]
    if not record["title"]:
        warnings.append(_("%(label)s : entrée sans titre, ignorée.") % {"label": label})
        return None
    record["doi"] = normalise_doi(record["doi"])
    if record["online_url"]:
        try:
            URLValidator()(record["online_url"])
        except ValidationError:
            warnings.append(
                _("%(label)s : adresse web « %(url)s » invalide, ignorée.")
                % {"label": label, "url": record["online_url"]}
            )
            record["online_url"] = ""
    for name, value in list(record.items()):
        if not isinstance(value, str) or name in ("label",):
            continue
        try:
            max_length = getattr(ReferencePage._meta.get_field(name), "max_length", 0)
        except FieldDoesNotExist:
            max_length = 0
        if max_length and len(value) > max_length:
            warnings.append(
                _("%(label)s : champ « %(field)s » tronqué à %(max)s caractères.")
                % {"label": label, "field": name, "max": max_length}
            )
            record[name] = value[:max_length]
    record["contributors"] = [
        c for c in record["contributors"] if c["family"] or c["literal"]
    ]
    record["tags"] = [tag[:100] for tag in record["tags"]]
    return record
