"""The one sanitiser of members' text: a small Markdown subset to safe HTML.

What members write in the site's forms (discussions, carnets…) is Markdown
source, never HTML. ``render_markdown(text)`` renders it with markdown-it
(CommonMark with raw HTML off, no images, no headings, no tables), then passes
the result through nh3 (the Ammonia sanitiser) with a short allow-list, so that
no raw HTML, event handler or ``javascript:``/``data:`` address survives even
if the renderer had a bug. Links get ``rel="nofollow ugc noopener"``.

``clean_text(text)`` drops the invisible characters that disguise text
(zero-width spaces, bidirectional overrides such as U+202E) and normalises line
ends; forms call it before checking that a message is not empty.
"""

import re

from django.utils.safestring import mark_safe

import nh3
from markdown_it import MarkdownIt

# Zero-width characters, bidirectional embeddings/overrides/isolates, the
# soft hyphen and the byte-order mark: invisible, and used to disguise text.
INVISIBLE = re.compile(
    "[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
# C0 control characters other than tab and line feed.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
LINK = re.compile(r"https?://|www\.|mailto:", re.IGNORECASE)

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "del",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"

_markdown = (
    MarkdownIt("commonmark", {"html": False, "breaks": True})
    .disable(["image", "heading", "lheading", "hr", "html_block", "html_inline"])
    .enable(["strikethrough"])
)


def clean_text(text):
    """``text`` without invisible or control characters, lines ended by ``\\n``,
    and no surrounding blank space."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = INVISIBLE.sub("", text)
    text = CONTROL.sub("", text)
    return text.strip()


def count_links(text):
    """How many web or mail addresses ``text`` holds (for rate limits)."""
    return len(LINK.findall(text or ""))


def sanitise_html(html):
    """``html`` reduced to the allow-list (safe to mark safe)."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render_markdown(text):
    """Markdown source to sanitised HTML (a ``SafeString``)."""
    html = _markdown.render(clean_text(text))
    return mark_safe(sanitise_html(html))  # noqa: S308 — sanitised by nh3 above
