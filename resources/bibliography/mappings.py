"""How reference types and fields map to BibTeX and RIS, both ways.

Export and import read the same tables, so that a file exported here imports
back unchanged (the round trip the tests check).
"""

from .choices import ReferenceType as T

# Our type -> (BibTeX entry type, biblatex entrysubtype or "").
BIBTEX_TYPES = {
    T.BOOK: ("book", ""),
    T.CHAPTER: ("incollection", ""),
    T.ARTICLE_JOURNAL: ("article", ""),
    T.ARTICLE_MAGAZINE: ("article", "magazine"),
    T.ARTICLE_NEWSPAPER: ("article", "newspaper"),
    T.REPORT: ("techreport", ""),
    T.THESIS: ("phdthesis", ""),
    T.PAPER_CONFERENCE: ("inproceedings", ""),
    T.WEBPAGE: ("online", ""),
    T.DATASET: ("dataset", ""),
    T.DOCUMENT: ("misc", ""),
}

# BibTeX/biblatex entry type -> our type (several spellings per type).
BIBTEX_IMPORT_TYPES = {
    "book": T.BOOK,
    "mvbook": T.BOOK,
    "booklet": T.BOOK,
    "proceedings": T.BOOK,
    "collection": T.BOOK,
    "incollection": T.CHAPTER,
    "inbook": T.CHAPTER,
    "article": T.ARTICLE_JOURNAL,
    "techreport": T.REPORT,
    "report": T.REPORT,
    "phdthesis": T.THESIS,
    "mastersthesis": T.THESIS,
    "thesis": T.THESIS,
    "inproceedings": T.PAPER_CONFERENCE,
    "conference": T.PAPER_CONFERENCE,
    "online": T.WEBPAGE,
    "www": T.WEBPAGE,
    "electronic": T.WEBPAGE,
    "dataset": T.DATASET,
    "misc": T.DOCUMENT,
    "unpublished": T.DOCUMENT,
    "manual": T.DOCUMENT,
}
ARTICLE_SUBTYPES = {"magazine": T.ARTICLE_MAGAZINE, "newspaper": T.ARTICLE_NEWSPAPER}

# Where the publisher goes in BibTeX, by type.
BIBTEX_PUBLISHER_FIELD = {T.REPORT: "institution", T.THESIS: "school"}
# Where the container title goes in BibTeX, by type (else "booktitle").
BIBTEX_JOURNAL_TYPES = {T.ARTICLE_JOURNAL, T.ARTICLE_MAGAZINE, T.ARTICLE_NEWSPAPER}

# Our type -> RIS type; then RIS type -> ours.
RIS_TYPES = {
    T.BOOK: "BOOK",
    T.CHAPTER: "CHAP",
    T.ARTICLE_JOURNAL: "JOUR",
    T.ARTICLE_MAGAZINE: "MGZN",
    T.ARTICLE_NEWSPAPER: "NEWS",
    T.REPORT: "RPRT",
    T.THESIS: "THES",
    T.PAPER_CONFERENCE: "CPAPER",
    T.WEBPAGE: "ELEC",
    T.DATASET: "DATA",
    T.DOCUMENT: "GEN",
}
RIS_IMPORT_TYPES = {ris: ours for ours, ris in RIS_TYPES.items()} | {
    "EBOOK": T.BOOK,
    "EDBOOK": T.BOOK,
    "ECHAP": T.CHAPTER,
    "EJOUR": T.ARTICLE_JOURNAL,
    "JFULL": T.ARTICLE_JOURNAL,
    "CONF": T.PAPER_CONFERENCE,
    "WEB": T.WEBPAGE,
    "BLOG": T.WEBPAGE,
    "DBASE": T.DATASET,
    "GOVDOC": T.REPORT,
    "UNPB": T.DOCUMENT,
}

# The fields of a reference that an import may set (besides title, type,
# contributors and tags), in the order the preview shows them.
IMPORTED_FIELDS = [
    "container_title",
    "collection_title",
    "edition",
    "publisher",
    "publisher_place",
    "year",
    "date",
    "volume",
    "issue",
    "pages",
    "genre",
    "online_url",
    "accessed",
    "doi",
    "isbn",
    "language",
    "abstract",
]
