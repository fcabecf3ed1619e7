"""What importing a board into a collection will do, and doing it.

Each card becomes one document, found again by its card id (its
``source_key``): it is created, updated (its sheet, title, description or
thèmes changed), unchanged, or skipped (archived, without a title). The
sheet is a plain-text file written from the card — nothing of it is fetched
from Trello; attachments stay links. Labels that name a thème (by name or
identifier) become thèmes; the others become tags.
"""

import hashlib
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils.text import slugify
from django.utils.translation import gettext as _

from home.models import Theme
from home.trello import Card

from ..choices import DocumentType
from ..models import ResourceDocument

CREATE, UPDATE, UNCHANGED, SKIP = "create", "update", "unchanged", "skip"
DESCRIPTION_LENGTH = 2000


def source_key(card):
    return f"trello:{card.id}"


def card_sheet(card, board_name):
    """The text of the document a card becomes."""
    lines = [
        card.name,
        _("Tableau Trello « %(board)s », liste « %(list)s »")
        % {"board": board_name, "list": card.list_name},
    ]
    if card.url:
        lines.append(_("Carte d'origine : %(url)s") % {"url": card.url})
    if card.desc:
        lines += ["", card.desc]
    for checklist in card.checklists:
        lines += ["", _("Liste de contrôle « %(name)s »") % {"name": checklist.name}]
        lines += [f"[{'x' if done else ' '}] {text}" for text, done in checklist.items]
    if card.labels:
        lines += ["", _("Étiquettes : %(labels)s") % {"labels": ", ".join(card.labels)}]
    if card.links:
        lines += ["", _("Liens")]
        lines += [f"- {name or url} : {url}" for name, url in card.links]
    return "\n".join(lines) + "\n"


def sheet_hash(text):
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()  # noqa: S324 (Wagtail's file_hash)


class ThemeMatcher:
    """Labels → thèmes (by name or identifier, ignoring case and accents)."""

    def __init__(self):
        self.themes = {}
        for theme in Theme.objects.all():
            self.themes[slugify(theme.name)] = theme
            self.themes[theme.slug] = theme

    def split(self, labels):
        themes, tags = [], []
        for label in labels:
            theme = self.themes.get(slugify(label))
            if theme is not None:
                themes.append(theme)
            else:
                tags.append(label[:100])
        return themes, tags


@dataclass
class PlanRow:
    card: Card
    action: str
    sheet: str = ""
    document: ResourceDocument | None = None
    reason: str = ""
    themes: tuple = ()
    tags: tuple = ()

    @property
    def description(self):
        return self.card.desc[:DESCRIPTION_LENGTH]


def build_plan(board, matcher=None):
    matcher = matcher or ThemeMatcher()
    existing = {
        document.source_key: document
        for document in ResourceDocument.objects.filter(
            source_key__in=[source_key(card) for card in board.cards]
        ).prefetch_related("themes", "tags")
    }
    rows, seen = [], set()
    for card in board.cards:
        if card.closed:
            rows.append(PlanRow(card, SKIP, reason=_("carte archivée")))
            continue
        if not card.name:
            rows.append(PlanRow(card, SKIP, reason=_("carte sans titre")))
            continue
        if card.id in seen:
            rows.append(PlanRow(card, SKIP, reason=_("carte en double")))
            continue
        seen.add(card.id)
        themes, tags = matcher.split(card.labels)
        sheet = card_sheet(card, board.name)
        document = existing.get(source_key(card))
        row = PlanRow(card, CREATE, sheet, document, themes=themes, tags=tags)
        if document is not None:
            same = (
                document.title == card.name
                and document.description == row.description
                and document.file_hash == sheet_hash(sheet)
                and {t.pk for t in document.themes.all()} >= {t.pk for t in themes}
                and {t.name for t in document.tags.all()} >= set(tags)
            )
            row.action = UNCHANGED if same else UPDATE
        rows.append(row)
    return rows


def summary(rows):
    counts = {CREATE: 0, UPDATE: 0, UNCHANGED: 0, SKIP: 0}
    for row in rows:
        counts[row.action] += 1
    return counts


def file_name(card):
    return f"trello-{slugify(card.name)[:60] or 'carte'}.txt"


def apply_row(row, collection, user):
    """Create or update the document of one planned card (in the caller's
    transaction). Imports add: thèmes and tags are never removed."""
    if row.action not in (CREATE, UPDATE):
        return
    document = row.document or ResourceDocument(
        collection=collection,
        source_key=source_key(row.card),
        uploaded_by_user=user,
        document_type=DocumentType.OTHER,
        creator=_("Tableau Trello importé"),
    )
    document.title = row.card.name
    document.description = row.description
    if document.file_hash != sheet_hash(row.sheet):
        document.file = ContentFile(row.sheet.encode(), name=file_name(row.card))
        document.file_size = len(row.sheet.encode())
        document.file_hash = sheet_hash(row.sheet)  # as Wagtail's hash_filelike
    document.save()
    document.themes.add(*row.themes)
    if row.tags:
        document.tags.add(*row.tags)
