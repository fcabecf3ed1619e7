"""Entry text: a small Markdown subset, rendered then sanitised, with glossary
terms linked; and the line diffs and three-way merge behind « no lost edit ».

Members write Markdown (emphasis, lists, headings, links, quotes). Raw HTML is
not interpreted (markdown-it's ``html`` option is off) and the rendered HTML
is passed through nh3 with a short allow-list, so no script, event handler,
style or ``javascript:`` link survives; links get ``rel="nofollow ugc
noopener"``.
"""

import difflib
import html
import re

from django.utils.safestring import mark_safe

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "code",
    "pre",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
# Invisible characters that can hide or reorder text (zero-width, bidi overrides).
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable("image")


def clean_text(text):
    """Normalise what a member typed: line ends, invisible characters."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return INVISIBLE.sub("", text).strip()


def render_markdown(text):
    """The sanitised HTML of ``text`` (headings start at h3: the page owns h1–h2)."""
    tokens = _markdown.parse(clean_text(text))
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 2, 6)}"
    rendered = _markdown.renderer.render(tokens, _markdown.options, {})
    return mark_safe(sanitise(rendered))  # noqa: S308 — sanitised by nh3


def sanitise(markup):
    return nh3.clean(
        markup,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener",
    )


def render_entry_body(text, page_state=None):
    """Rendered, sanitised text with glossary terms linked (once per
    ``page_state``, an object shared by everything rendered on one page)."""
    from resources.glossary_links import link_glossary_terms

    return link_glossary_terms(mark_safe(render_markdown(text)), page_state)  # noqa: S308


def excerpt(text, length=240):
    plain = re.sub(r"[#*_>`\[\]()-]+", " ", clean_text(text))
    plain = " ".join(plain.split())
    return (
        plain if len(plain) <= length else plain[: length - 1].rsplit(" ", 1)[0] + "…"
    )


# --- Diffs and merges -----------------------------------------------------------


def _lines(text):
    return clean_text(text).split("\n") if text else []


def diff_rows(old, new):
    """Line diff as rows ``(kind, text)``: ``same``, ``removed`` or ``added``."""
    old_lines, new_lines = _lines(old), _lines(new)
    rows = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [("same", line) for line in old_lines[i1:i2]]
            continue
        rows += [("removed", line) for line in old_lines[i1:i2]]
        rows += [("added", line) for line in new_lines[j1:j2]]
    return rows


def diff_html(old, new):
    """The diff of two texts as escaped HTML lines with <del>/<ins>."""
    out = []
    for kind, line in diff_rows(old, new):
        text = html.escape(line) or "&nbsp;"
        if kind == "removed":
            out.append(f'<del class="diff__line">{text}</del>')
        elif kind == "added":
            out.append(f'<ins class="diff__line">{text}</ins>')
        else:
            out.append(f'<span class="diff__line">{text}</span>')
    return mark_safe("\n".join(out))  # noqa: S308 — every line escaped above


def _changes(base, other):
    matcher = difflib.SequenceMatcher(a=base, b=other, autojunk=False)
    return [
        (i1, i2, tuple(other[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def _clash(a, b):
    if a == b:
        return False
    a1, a2, _ = a
    b1, b2, _ = b
    if max(a1, b1) < min(a2, b2):
        return True
    # Two insertions at the same place, or an insertion where the other
    # change starts: their order is a human decision.
    return a1 == b1 and (a1 == a2 or b1 == b2)


def merge3(base, mine, theirs):
    """Three-way line merge. Returns the merged text, or None when both sides
    changed the same lines (then people merge by hand)."""
    base_lines = _lines(base)
    mine_changes = _changes(base_lines, _lines(mine))
    their_changes = _changes(base_lines, _lines(theirs))
    for a in mine_changes:
        for b in their_changes:
            if _clash(a, b):
                return None
    changes = sorted(set(mine_changes) | set(their_changes), reverse=True)
    merged = list(base_lines)
    for i1, i2, lines in changes:
        merged[i1:i2] = list(lines)
    return "\n".join(merged)
