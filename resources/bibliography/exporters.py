"""Exports of references as BibTeX, RIS and CSL-JSON, all built from the one
CSL-JSON description of a reference (``csl.reference_csl``)."""

import json
import re

from django.http import HttpResponse

import bibtexparser
import rispy
from bibtexparser.model import Entry, Field

from .csl import reference_csl
from .mappings import (
    BIBTEX_JOURNAL_TYPES,
    BIBTEX_PUBLISHER_FIELD,
    BIBTEX_TYPES,
    RIS_TYPES,
)

LATEX_SPECIALS = re.compile(r"([&%$#_{}])")
PAGE_SPLIT = re.compile(r"\s*([-‐‑–—]+)\s*")


def latex_escape(value):
    """UTF-8 stays as it is (biber and bibtexparser read it); the characters
    that LaTeX would take for commands are escaped."""
    value = str(value).replace("\\", r"\textbackslash{}")
    return LATEX_SPECIALS.sub(r"\\\1", value)


def bibtex_name(name):
    if "literal" in name:
        # Braces keep an organisation's name in one piece, never "Région, La 27e".
        return "{" + latex_escape(name["literal"]) + "}"
    parts = [name["family"]] + ([name["given"]] if name.get("given") else [])
    return ", ".join(latex_escape(part) for part in parts)


def iso_date(value):
    return "-".join(f"{part:02d}" for part in value["date-parts"][0])


def unique_keys(items):
    """BibTeX keys must be unique in a file: a second "bason2010" becomes
    "bason2010b"."""
    seen = {}
    for item in items:
        key = re.sub(r"[^\w:.-]", "", item["id"]) or "ref"
        count = seen.get(key, 0)
        seen[key] = count + 1
        yield item, key if not count else f"{key}{chr(ord('a') + count)}"


def bibtex_fields(item):
    kind = item["type"]
    fields = []

    def add(name, value, escape=True):
        if value:
            fields.append(Field(name, latex_escape(value) if escape else value))

    add("entrysubtype", BIBTEX_TYPES.get(kind, ("misc", ""))[1])
    for role in ("author", "editor", "translator"):
        if item.get(role):
            add(role, " and ".join(bibtex_name(n) for n in item[role]), False)
    add("title", item.get("title"))
    container = "journal" if kind in BIBTEX_JOURNAL_TYPES else "booktitle"
    add(container, item.get("container-title"))
    add("series", item.get("collection-title"))
    add("edition", item.get("edition"))
    add(BIBTEX_PUBLISHER_FIELD.get(kind, "publisher"), item.get("publisher"))
    add("address", item.get("publisher-place"))
    if "issued" in item:
        parts = item["issued"]["date-parts"][0]
        add("year", str(parts[0]))
        if len(parts) == 3:
            add("date", iso_date(item["issued"]))
    add("volume", item.get("volume"))
    add("number", item.get("issue") or item.get("number"))
    add("pages", PAGE_SPLIT.sub("--", item.get("page", "")), False)
    add("type", item.get("genre"))
    add("url", item.get("URL"), False)
    if "accessed" in item:
        add("urldate", iso_date(item["accessed"]))
    add("doi", item.get("DOI"), False)
    add("isbn", item.get("ISBN"), False)
    add("language", item.get("language"))
    add("abstract", item.get("abstract"))
    add("keywords", item.get("keyword"))
    return fields


def to_bibtex(items):
    library = bibtexparser.Library()
    for item, key in unique_keys(items):
        entry_type = BIBTEX_TYPES.get(item["type"], ("misc", ""))[0]
        library.add(Entry(entry_type, key, bibtex_fields(item)))
    return bibtexparser.write_string(library)


def ris_name(name):
    if "literal" in name:
        return name["literal"]
    return ", ".join(filter(None, [name["family"], name.get("given")]))


def ris_date(value):
    parts = value["date-parts"][0]
    return "/".join(f"{part:02d}" for part in parts) + ("/" if len(parts) < 3 else "")


def to_ris(items):
    entries = []
    for item, key in unique_keys(items):
        entry = {"type_of_reference": RIS_TYPES.get(item["type"], "GEN"), "id": key}
        names = {"author": "authors", "editor": "secondary_authors"}
        names["translator"] = "subsidiary_authors"
        for role, tag in names.items():
            if item.get(role):
                entry[tag] = [ris_name(name) for name in item[role]]
        simple = {
            "title": "title",
            "container-title": "secondary_title",
            "collection-title": "tertiary_title",
            "edition": "edition",
            "publisher": "publisher",
            "publisher-place": "place_published",
            "volume": "volume",
            "genre": "type_of_work",
            "DOI": "doi",
            "ISBN": "issn",
            "language": "language",
            "abstract": "abstract",
        }
        for csl_name, ris_key in simple.items():
            if item.get(csl_name):
                entry[ris_key] = item[csl_name]
        if item.get("issue") or item.get("number"):
            entry["number"] = item.get("issue") or item.get("number")
        if "issued" in item:
            entry["year"] = str(item["issued"]["date-parts"][0][0])
            if len(item["issued"]["date-parts"][0]) == 3:
                entry["date"] = ris_date(item["issued"])
        if item.get("page"):
            start, _, end = (PAGE_SPLIT.split(item["page"], maxsplit=1) + ["", ""])[:3]
            entry["start_page"] = start
            if end:
                entry["end_page"] = end
        if item.get("URL"):
            entry["urls"] = [item["URL"]]
        if "accessed" in item:
            entry["access_date"] = ris_date(item["accessed"])
        if item.get("keyword"):
            entry["keywords"] = item["keyword"].split(", ")
        entries.append(entry)
    return rispy.dumps(entries)


def to_csljson(items):
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


# format -> (writer, content type, file extension)
EXPORTERS = {
    "bibtex": (to_bibtex, "application/x-bibtex", "bib"),
    "ris": (to_ris, "application/x-research-info-systems", "ris"),
    "csljson": (to_csljson, "application/vnd.citationstyles.csl+json", "json"),
}


def export_response(references, export_format, filename):
    writer, content_type, extension = EXPORTERS[export_format]
    body = writer([reference_csl(reference) for reference in references])
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    return response
