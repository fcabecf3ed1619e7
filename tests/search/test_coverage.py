"""Search covers every word a visitor can read: for every registered adapter
and page type with demo content, the words of the item's page (its main
content, without navigation, forms and the sections other apps add, which are
indexed as items of their own) are words of its indexed document.

Words are compared as the index sees them (folded, stemmed, stop words out);
the interface's own words (template text and translated labels, month names,
numbers) are chrome, not content.
"""

import ast
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

import pytest
from bs4 import BeautifulSoup

from search import normalize, registry

pytestmark = [pytest.mark.django_db, pytest.mark.search]

ROOT = Path(settings.BASE_DIR)
SKIPPED_DIRS = {".venv", "node_modules", "tests", "migrations", ".git"}
GETTEXT = {"_", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy", "ngettext"}
# What a page shows around its content, never its content.
CHROME_SELECTORS = [
    "nav",
    "form",
    "script",
    "style",
    "template",
    ".breadcrumbs",
    ".page-section",
    ".visually-hidden",
    ".sr-only",
    ".pagination",
    "[hidden]",
    # Listings of other items: each is found as itself.
    ".card",
    ".card-grid",
    ".glossary-list",
    ".reference-list",
    ".document-list",
    ".latest-list",
    # Digests of other items (an édition's bilan: its défis, its programme,
    # its charts): each is found as itself.
    ".digest",
    # Who wrote or reacted to a message: people's names are not search content.
    ".post__meta",
    ".reaction__names",
]
CALENDAR = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre "
    "décembre lundi mardi mercredi jeudi vendredi samedi dimanche h min"
)
PER_KIND = 6  # items checked per adapter or page type


def project_files(suffix):
    for path in ROOT.rglob(f"*{suffix}"):
        if not SKIPPED_DIRS & set(path.relative_to(ROOT).parts):
            yield path


def gettext_strings(source):
    """The literal strings given to gettext in a Python module."""
    try:
        tree = ast.parse(source)
    except SyntaxError:  # pragma: no cover
        return []
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in GETTEXT
        ):
            found += [
                arg.value
                for arg in node.args
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            ]
    return found


@lru_cache(maxsize=1)
def chrome_terms():
    """The interface's words: every template's text and every translatable
    string of the project (labels, choices, messages)."""
    text = [CALENDAR]
    for path in project_files(".html"):
        text.append(re.sub(r"\{#.*?#\}", " ", path.read_text(encoding="utf-8")))
    for path in project_files(".py"):
        text += gettext_strings(path.read_text(encoding="utf-8"))
    return set(normalize.terms(" ".join(text)))


def read_words(html, path):
    """The terms a visitor reads in the page's main content. Links to other
    pages (related resources, authors' profiles, the édition of a défi) are
    navigation: their text is the other page's title, found as itself."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.find("main") or soup
    for selector in CHROME_SELECTORS:
        for element in main.select(selector):
            element.decompose()
    for link in main.select("a[href]"):
        target = urlsplit(link["href"]).path
        if target and target != path:
            link.decompose()
    text = main.get_text(" ")
    # Numbers, dates, ordinals (« 2ᵉ »), sizes and index letters are no words.
    return {t for t in normalize.terms(text) if len(t) > 1 and not re.search(r"\d", t)}


def indexed_terms(document):
    return set(normalize.terms(f"{document.title}\n{document.body}"))


def indexed_items():
    """Up to PER_KIND indexed items per adapter and page type, and every
    document by the page that shows it (a reply is shown on its thread's
    page: its permalink redirects there)."""
    by_kind, by_path = defaultdict(list), defaultdict(list)
    with registry.batch():
        for adapter in registry.adapters():
            for obj in adapter.queryset().iterator(chunk_size=200):
                document = adapter.indexed(obj)
                if document is None:
                    continue
                kind = getattr(obj, "specific_class", None) or type(obj)
                if len(by_kind[kind]) < PER_KIND:
                    by_kind[kind].append(document)
                by_path[urlsplit(document.url).path].append(document)
    return by_kind, by_path


def test_every_word_on_a_page_is_indexed_with_it(client):
    chrome = chrome_terms()
    by_kind, by_path = indexed_items()
    for path, documents in list(by_path.items()):
        response = client.get(path)
        if response.status_code in (301, 302):  # a permalink
            by_path[urlsplit(response["Location"]).path] += documents
    checked, missed = set(), {}
    for kind, documents in by_kind.items():
        for document in documents:
            path = urlsplit(document.url).path
            response = client.get(path)
            if response.status_code != 200 or "html" not in response.get(
                "Content-Type", ""
            ):
                continue  # not public, or a file (its text is extracted)
            checked.add(kind.__name__)
            shown = set()
            for item in by_path[path]:
                shown |= indexed_terms(item)
            unread = read_words(response.content.decode(), path) - shown - chrome
            if unread:
                missed[f"{kind.__name__} {document.url}"] = sorted(unread)
    # The demo has public items of these kinds at least.
    assert {"ChallengePage", "EditionPage", "CallForContributionsPage"} <= checked
    assert {"MethodPage", "Session", "Community"} <= checked
    assert not missed, "\n".join(f"{url}: {words}" for url, words in missed.items())
