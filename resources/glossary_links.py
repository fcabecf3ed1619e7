"""Link glossary terms found in rich text to their definition.

``link_glossary_terms(html, page)`` returns ``html`` where the first mention of
each glossary term (title or variant, any case, with or without accents,
singular or plural) is wrapped in a real ``<a>`` to the term's page:

* at most once per term and per page (the page remembers what it linked, so
  several fields of one page share the budget);
* never inside headings, existing links, buttons, code or the term's own page;
* whole words only.

A page's own text goes through ``{% glossary_links page %}…{% endglossary_links %}``
(``link_page_html``): its fields are linked in one pass, and the result is kept
in Django's cache per revision of the page and version of the glossary, so a
page read a thousand times is linked once. The ``link_glossary_terms`` filter
links one piece (a comment, a carnet entry) at a time, uncached.

The glossary version changes whenever a term is saved (published, unpublished,
moved, drafted), deleted, or a view restriction changes (``resources.signals``).
With the shared cache (Redis, ``REDIS_URL``) the version is shared too: a change
saved on one web node is seen at once by every other, which rebuilds its own
compiled index (kept per process, per version). With Django's default
per-process memory cache, the other processes see it within
``GLOSSARY_LINKS_TIMEOUT`` seconds (the version itself expires then). When
the cache does not answer, nothing is kept: each page links afresh.
"""

import hashlib
import re
import unicodedata
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from bs4 import BeautifulSoup, Comment, NavigableString

SKIPPED_TAGS = {
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "button",
    "code",
    "pre",
    "script",
    "style",
    "label",
    "summary",
    "th",
}


def fold(text):
    """Lower-case ``text`` and drop its accents, keeping one char per char.

    Keeping the length lets a match found in the folded text be cut from the
    original text at the same offsets.
    """
    folded = []
    for char in text:
        base = unicodedata.normalize("NFD", char)[0].lower()
        folded.append(base if len(base) == 1 else char)
    return "".join(folded)


def _word_pattern(word):
    # Plural tolerant: "prototype(s)", "équipe(s) apprenante(s)", "tiers-lieu(x)".
    if word[-1:] in ("s", "x", "z"):
        return re.escape(word)
    return re.escape(word) + "[sx]?"


def variant_pattern(variant):
    words = fold(variant).split()
    return r"\s+".join(_word_pattern(word) for word in words)


@dataclass
class GlossaryIndex:
    """The compiled terms: one regex, and which term each variant points to."""

    pattern: re.Pattern | None
    targets: dict  # folded variant (normalised spaces) -> (term pk, url)


@dataclass
class PageState:
    linked: set = field(default_factory=set)
    index: GlossaryIndex | None = None


def build_index(terms):
    """``terms``: iterable of (pk, url, [title, *variants])."""
    targets = {}
    for pk, url, names in terms:
        for name in names:
            key = " ".join(fold(name).split())
            if len(key) >= 2 and key not in targets:
                targets[key] = (pk, url)
    if not targets:
        return GlossaryIndex(None, {})
    # Longest first so "territoire à énergie positive" wins over "territoire".
    alternatives = sorted(targets, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(variant_pattern(v) for v in alternatives)
        + r")(?![\w])",
        re.UNICODE,
    )
    return GlossaryIndex(pattern, targets)


def _target_for(index, matched):
    key = " ".join(fold(matched).split())
    if key in index.targets:
        return index.targets[key]
    # The match carried plural marks: try the words without them.
    for candidate in _singular_candidates(key.split()):
        if candidate in index.targets:
            return index.targets[candidate]
    return None


def _singular_candidates(words):
    options = [[w, w[:-1]] if w[-1:] in ("s", "x") else [w] for w in words]
    candidates = [""]
    for choices in options:
        candidates = [f"{c} {w}".strip() for c in candidates for w in choices]
    return candidates


def load_terms():
    """Live public glossary terms as (pk, url, names), in one query."""
    from home.pages import without_view_restrictions

    from .models import GlossaryTermPage

    terms = without_view_restrictions(GlossaryTermPage.objects.live()).only(
        "pk", "title", "synonyms", "url_path", "path", "depth"
    )
    return [(term.pk, term.url, [term.title, *term.variants]) for term in terms]


VERSION_KEY = "glossary-links:version"
# The version when the cache does not answer (Redis down): a change made on
# another node cannot be seen, so no index is kept for it.
NO_CACHE = "no-cache"


def _timeout():
    return getattr(settings, "GLOSSARY_LINKS_TIMEOUT", 600)


def glossary_version():
    """A token that changes whenever the glossary may have changed."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, _timeout())
        version = cache.get(VERSION_KEY) or NO_CACHE
    return version


def bump_glossary_version(**kwargs):
    """Signal receiver: every cached linking is stale from now on."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, _timeout())


# The compiled index of the current glossary version, per process (building
# it costs two queries and a regex of every term).
_compiled = {}


def index_for(version):
    index = _compiled.get(version)
    if index is None:
        index = build_index(load_terms())
        if version != NO_CACHE:
            _compiled.clear()
            _compiled[version] = index
    return index


def _state_for(page, version=None):
    state = getattr(page, "_glossary_links_state", None) if page is not None else None
    if state is None:
        state = PageState()
        if page is not None:
            page._glossary_links_state = state
    if state.index is None:
        state.index = index_for(version or glossary_version())
    return state


def _is_skipped(node):
    return any(parent.name in SKIPPED_TAGS for parent in node.parents)


def _link(soup, text, url):
    anchor = soup.new_tag("a", href=url)
    anchor["class"] = "glossary-link"
    anchor.string = text
    hint = soup.new_tag("span")
    hint["class"] = "visually-hidden"
    hint.string = " " + _("(définition dans le glossaire)")
    anchor.append(hint)
    return anchor


def link_terms_in_html(html, index, linked, exclude_pk=None):
    """Link terms of ``index`` in ``html``; ``linked`` collects linked term pks."""
    if index.pattern is None or not html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    changed = False
    for node in list(soup.find_all(string=True)):
        if isinstance(node, Comment) or _is_skipped(node):
            continue
        text = str(node)
        folded = fold(text)
        pieces = []
        position = 0
        for match in index.pattern.finditer(folded):
            target = _target_for(index, match.group(0))
            if target is None:
                continue
            pk, url = target
            if pk in linked or pk == exclude_pk:
                continue
            linked.add(pk)
            pieces.append(text[position : match.start()])
            pieces.append(_link(soup, text[match.start() : match.end()], url))
            position = match.end()
        if not pieces:
            continue
        pieces.append(text[position:])
        for piece in pieces:
            node.insert_before(
                piece if not isinstance(piece, str) else NavigableString(piece)
            )
        node.extract()
        changed = True
    return str(soup) if changed else html


def link_glossary_terms(html, page=None):
    """Return ``html`` (safe) with the page's not-yet-linked glossary terms linked."""
    if hasattr(html, "__html__"):
        html = html.__html__()
    html = str(html) if html is not None else ""
    state = _state_for(page)
    exclude_pk = getattr(page, "pk", None)
    return mark_safe(  # noqa: S308 — parsed and re-serialised by BeautifulSoup
        link_terms_in_html(html, state.index, state.linked, exclude_pk)
    )


def link_page_html(html, page):
    """``html``, a page's own rendered text, linked in one pass (the page's
    budget of one link per term shared with the rest of the page); cached per
    page revision, glossary version and content."""
    if hasattr(html, "__html__"):
        html = html.__html__()
    html = str(html) if html is not None else ""
    if not html.strip():
        return mark_safe(html)  # noqa: S308 — the rendered template's own output
    version = glossary_version()
    state = _state_for(page, version)
    digest = hashlib.blake2b(html.encode(), digest_size=16)
    digest.update(repr(sorted(state.linked)).encode())
    key = ":".join(
        [
            "glossary-links",
            str(getattr(page, "pk", None)),
            str(getattr(page, "latest_revision_id", None)),
            version,
            digest.hexdigest(),
        ]
    )
    cached = cache.get(key)
    if cached is None:
        linked = set(state.linked)
        result = link_terms_in_html(
            html, state.index, linked, getattr(page, "pk", None)
        )
        cached = (result, linked - state.linked)
        cache.set(key, cached, _timeout())
    result, newly_linked = cached
    state.linked |= newly_linked
    return mark_safe(result)  # noqa: S308 — parsed and re-serialised by BeautifulSoup
