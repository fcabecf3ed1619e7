"""The interface every search back end implements, and the shapes it returns."""

import html
import re
from dataclasses import dataclass, field, replace
from datetime import datetime

from .. import normalize

FACETS = ("type", "theme", "site", "year", "community")
SORTS = ("relevance", "date")
MAX_QUERY_LENGTH = 200
# Each word adds terms to the query: past this many, words are left out, so
# that no search costs more than a 16-word one whatever is pasted.
MAX_QUERY_WORDS = 16
SNIPPET_WORDS = 30


@dataclass
class SearchQuery:
    text: str = ""
    filters: dict = field(default_factory=dict)  # facet name -> value
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10

    def __post_init__(self):
        # Long pastes are cut, not refused; control characters dropped.
        words = (self.text or "").split()[:MAX_QUERY_WORDS]
        self.text = " ".join(words)[:MAX_QUERY_LENGTH]
        self.filters = {k: str(v) for k, v in self.filters.items() if k in FACETS and v}
        if self.sort not in SORTS:
            self.sort = "relevance"


@dataclass
class SearchHit:
    key: str
    title: str
    url: str
    type: str
    type_label: str
    snippet: str = ""  # HTML: escaped text with <mark> around matches
    date: datetime | None = None


@dataclass
class SearchResults:
    hits: list = field(default_factory=list)
    total: int = 0
    facets: dict = field(default_factory=dict)  # name -> {value: count}
    suggestion: str = ""  # "did you mean"
    corrected_from: str = ""  # set when hits are for the suggestion
    notice: str = ""  # e.g. the fallback to the database back end
    backend: str = ""


class SearchBackend:
    name = ""

    def upsert(self, documents):
        raise NotImplementedError

    def delete(self, keys):
        raise NotImplementedError

    def search(self, query, tokens):
        """Search; when nothing matches, try a spelling correction ("did you
        mean") and answer for it. ``tokens``: the searcher's audience tokens
        (from the policy), or None for no filter (maintenance tools)."""
        results = self._search(query, tokens)
        if results.total or not query.text:
            return results
        correction = self.correct(query.text, tokens)
        if not correction or correction == query.text:
            return results
        corrected = self._search(replace(query, text=correction), tokens)
        corrected.suggestion = correction
        if corrected.total:
            corrected.corrected_from = query.text
        return corrected

    def _search(self, query, tokens):
        raise NotImplementedError

    def correct(self, text, tokens):
        """A corrected spelling of ``text``, or "" when there is none."""
        raise NotImplementedError

    def suggest(self, prefix, tokens, limit=8):
        raise NotImplementedError

    def indexed_keys(self):
        raise NotImplementedError

    def rebuild(self, documents, progress=None):
        raise NotImplementedError


ELLIPSIS = "…"
WORD_PARTS = re.compile(r"(\w+)", re.UNICODE)


def highlight(text, query_text, words=SNIPPET_WORDS, title=""):
    """An escaped excerpt of ``text`` (a document's body: one passage a line)
    around its best match, the matched words in <mark>.

    The excerpt stays inside one passage: the one matching the most searched
    words (the first of them), or the lead passage when the ``title`` already
    holds every searched word — a definition, never the list of variants that
    follows it. « … » marks a cut only where the passage goes on, once at
    each end."""
    query_stems = set(normalize.terms(query_text))
    passages = [p.split() for p in (text or "").splitlines() if p.split()]
    if not passages:
        return ""

    def stems_in(word):
        stem = normalize.stem(word)
        return {s for s in query_stems if stem.startswith(s)}

    def matched(tokens):
        found = set()
        for token in tokens:
            for word in normalize.words(token):
                found |= stems_in(word)
        return found

    def marked(token):
        # Only the matching word is marked, not the punctuation glued to it.
        out = []
        for part in WORD_PARTS.split(token):
            if part and WORD_PARTS.fullmatch(part) and stems_in(part):
                out.append(f"<mark>{html.escape(part)}</mark>")
            else:
                out.append(html.escape(part))
        return "".join(out)

    tokens = passages[0]
    if query_stems and matched(title.split()) != query_stems:
        best = 0
        for passage in passages:
            score = len(matched(passage))
            if score > best:
                tokens, best = passage, score
    first = next((i for i, token in enumerate(tokens) if matched([token])), 0)
    start = max(0, first - words // 3)
    if len(tokens) - start < words:  # show as much of the passage as fits
        start = max(0, len(tokens) - words)
    window = tokens[start : start + words]
    # The passage's own ellipses are not doubled by the cut's.
    cut_before = start > 0 and window[0] != ELLIPSIS
    cut_after = start + words < len(tokens) and window[-1] != ELLIPSIS
    out = [marked(t) for t in window]
    prefix = f"{ELLIPSIS} " if cut_before else ""
    suffix = f" {ELLIPSIS}" if cut_after else ""
    return prefix + " ".join(out) + suffix


def plain(snippet_html):
    return html.unescape(re.sub(r"</?mark>", "", snippet_html))
