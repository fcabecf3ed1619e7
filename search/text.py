"""The readable text of anything an adapter indexes: model fields, rich text,
StreamField values of every block kind (tables included), and related or
inline child objects, as Wagtail's ``search_fields`` declare them.

Text comes out as *passages* (one per field, paragraph, list item, table
cell, inline child…): ``document_text()`` joins them with newlines into a
document's body, and snippets never run from one passage into the next (a
definition is not followed by its list of variants).

Every adapter builds its body with ``indexed_text()`` (or ``passages()`` for
a field list of its own), so whatever kind of content a page or model shows
is found with it; ``search`` knows no domain model: apps declare what they
show in their models' ``search_fields`` (``SearchField`` for a field,
property or method, ``RelatedFields`` for their thèmes, édition, site and
inline children).
"""

import html
import re
from html.parser import HTMLParser

from django.db import models
from django.utils.encoding import force_str

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText
from wagtail.search import index

try:  # optional contrib app: typed tables
    from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
except ImportError:  # pragma: no cover
    TypedTableBlock = None

SEPARATOR = "\n"
SPACES = re.compile(r"[ \t\r\f\v\u00a0\u202f]+")
# Elements after which the text of a page starts a new passage.
BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dt", "dd"}
    | {"blockquote", "pre", "table", "tr", "td", "th", "caption", "figcaption"}
    | {"section", "article", "br", "hr"}
)
SKIPPED_TAGS = frozenset({"script", "style", "template"})
# Blocks whose value is no text a visitor reads (a choice code, an address, a
# number, a chosen object shown by its own page, an image, an embed).
NO_TEXT_BLOCKS = (
    blocks.ChoiceBlock,
    blocks.MultipleChoiceBlock,
    blocks.URLBlock,
    blocks.BooleanBlock,
    blocks.DateBlock,
    blocks.TimeBlock,
    blocks.DateTimeBlock,
    blocks.IntegerBlock,
    blocks.FloatBlock,
    blocks.DecimalBlock,
    blocks.ChooserBlock,
    blocks.StaticBlock,
)


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.passages = [[]]
        self.skipping = 0

    def _break(self):
        if self.passages[-1]:
            self.passages.append([])

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self._break()

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self._break()

    def handle_data(self, data):
        if not self.skipping:
            self.passages[-1].append(data)


def clean(text):
    """One passage: spaces squeezed, no line breaks."""
    return SPACES.sub(" ", " ".join(force_str(text).split())).strip()


def html_passages(source):
    """The passages of an HTML fragment (rich text): one per paragraph, heading,
    list item or cell; entities decoded, tags dropped."""
    parser = _TextParser()
    parser.feed(force_str(source or ""))
    parser.close()
    return [p for p in (clean("".join(parts)) for parts in parser.passages) if p]


def html_text(source):
    return " ".join(html_passages(source))


def text_passages(text):
    """A plain text field: one passage per line."""
    return [p for p in (clean(line) for line in force_str(text).splitlines()) if p]


def block_passages(block, value):
    """The readable text of one block's value, whatever its kind: streams,
    structs and lists are walked; rich text, tables (TableBlock, typed tables),
    characters and text are read; choices, links, numbers, dates, images and
    embeds give none. A block may say it itself with ``search_passages(value)``."""
    if value is None:
        return []
    own = getattr(block, "search_passages", None)
    if own is not None:
        return [p for p in (clean(t) for t in own(value)) if p]
    if isinstance(block, blocks.StreamBlock):
        return stream_passages(value)
    if isinstance(block, blocks.ListBlock):
        found = []
        for item in value:
            found += block_passages(block.child_block, item)
        return found
    if isinstance(block, blocks.StructBlock):
        found = []
        for name, child in block.child_blocks.items():
            found += block_passages(child, value.get(name))
        return found
    if isinstance(block, TableBlock):
        return table_passages(value)
    if TypedTableBlock is not None and isinstance(block, TypedTableBlock):
        return typed_table_passages(value)
    if isinstance(block, blocks.RichTextBlock) or isinstance(value, RichText):
        return html_passages(value.source if isinstance(value, RichText) else value)
    if isinstance(block, blocks.RawHTMLBlock):
        return html_passages(value)
    if isinstance(block, NO_TEXT_BLOCKS):
        return []
    if isinstance(value, str):
        return text_passages(value)
    return []


def stream_passages(stream_value):
    found = []
    for child in stream_value or []:
        found += block_passages(child.block, child.value)
    return found


def table_passages(value):
    """A TableBlock: its caption, then each cell (cells may hold HTML)."""
    if not value:
        return []
    found = html_passages(html.escape(value.get("table_caption") or ""))
    for row in value.get("data") or []:
        for cell in row or []:
            if cell:
                found += html_passages(cell)
    return found


def typed_table_passages(value):
    """A typed table: caption, column headings, then each cell by its column's block."""
    if not value:
        return []
    found = text_passages(value.caption or "")
    for column in value.columns:
        found += text_passages(column.get("heading") or "")
    for row in value.row_data:
        for column, cell in zip(value.columns, row["values"], strict=False):
            found += block_passages(column["block"], cell)
    return found


def _field(obj, name):
    try:
        return obj._meta.get_field(name)
    except Exception:  # a property or method named in search_fields
        return None


def value_passages(value, model_field=None):
    """The passages of one attribute's value, by what it is."""
    if value is None:
        return []
    if isinstance(model_field, StreamField) or hasattr(value, "stream_block"):
        return stream_passages(value)
    if isinstance(value, RichText):
        return html_passages(value.source)
    if isinstance(model_field, RichTextField):
        return html_passages(value)
    if isinstance(value, models.Model):
        return text_passages(str(value))
    if hasattr(value, "all") and callable(value.all):  # related managers
        found = []
        for item in value.all():
            found += text_passages(str(item))
        return found
    if isinstance(value, list | tuple | set):
        found = []
        for item in value:
            found += value_passages(item)
        return found
    if isinstance(value, bool | int | float):
        return []
    return text_passages(value)


def field_passages(obj, name):
    """The passages of ``obj.<name>``: a field (its choice's label), a
    property or a method without arguments."""
    model_field = _field(obj, name)
    if isinstance(model_field, models.Field) and model_field.choices:
        display = getattr(obj, f"get_{name}_display", None)
        return text_passages(display()) if display else []
    value = getattr(obj, name, None)
    if callable(value) and not hasattr(value, "all"):
        value = value()
    return value_passages(value, model_field)


def _related_objects(obj, name):
    value = getattr(obj, name, None)
    if value is None:
        return []
    if callable(value) and not hasattr(value, "all"):
        value = value()
    if hasattr(value, "all") and callable(value.all):
        return list(value.all())
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def passages(obj, search_fields, skip=("title",)):
    """The passages of ``obj`` for Wagtail index fields: each ``SearchField``
    (but those in ``skip``, the title the document holds apart), then each
    object of a ``RelatedFields`` (its thèmes, its édition, its inline
    children…) through that relation's own fields."""
    own, related = [], []
    for field in search_fields:
        if isinstance(field, index.RelatedFields):
            for item in _related_objects(obj, field.field_name):
                related += passages(item, field.fields, skip=())
        elif isinstance(field, index.SearchField) and field.field_name not in skip:
            own += field_passages(obj, field.field_name)
    # The object's own text leads (a snippet may show it), related text follows.
    return own + related


def indexed_text(obj, *extra, skip=("title",)):
    """The body of ``obj``'s document: the text of its ``search_fields`` and any
    ``extra`` text, one passage a line, each passage once."""
    found = passages(obj, getattr(obj, "search_fields", []), skip=skip)
    for text in extra:
        found += value_passages(text)
    return document_text(found)


def document_text(found):
    """Passages joined into a body: one per line, repeats dropped."""
    return SEPARATOR.join(dict.fromkeys(p for p in found if p))
