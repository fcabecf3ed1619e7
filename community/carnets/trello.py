"""A team's Trello board brought into its carnet: each list goes to a moment
(or is left out), each card becomes an individual entry of that moment,
signed by the member who imports it and saying where it comes from.

``build_plan`` says what will happen to each card (created, updated,
unchanged, skipped: the screening is ``home.trello_import``'s, shared with
the other importers); ``apply_plan`` does it in one transaction. Entries are
found again by their card id (``Entry.source_key``): importing the board
again updates them with a new version (their history keeps the earlier
ones), never copies them. Nothing is fetched from Trello: attachments stay
links. The board is read by ``home.trello``.
"""

import unicodedata

from django.db import transaction
from django.utils.translation import gettext as _

from home.trello_import import (
    CREATE,
    IGNORE,
    UNCHANGED,
    UPDATE,
    PlanRow,
    plan_cards,
    summary,
)

from .choices import EntryKind, Moment
from .editing import create_entry, save_entry

TITLE_LENGTH = 200
# Words of a list's name that say which moment it is.
MOMENT_WORDS = (
    (Moment.FOLLOW_UP, ("suite", "engagement", "mois")),
    (Moment.BEFORE, ("avant", "objectif", "cadr")),
    (Moment.DURING, ("pendant", "apprentissage", "question")),
    (Moment.AFTER, ("apres", "exposition", "partage")),
)


def plain(text):
    text = unicodedata.normalize("NFKD", text).casefold()
    return "".join(char for char in text if not unicodedata.combining(char))


def default_mapping(lists):
    """A moment for each list: named by its words, else by its place."""
    mapping = {}
    for index, name in enumerate(lists):
        words = plain(name)
        guessed = next(
            (m for m, keys in MOMENT_WORDS if any(key in words for key in keys)), None
        )
        if guessed is None and index < len(Moment.values):
            guessed = Moment.values[index]
        mapping[name] = guessed or IGNORE
    return mapping


def source_key(card):
    return f"trello:{card.id}"


def entry_body(card, board_name):
    parts = []
    if card.desc:
        parts.append(card.desc)
    for checklist in card.checklists:
        items = "\n".join(
            f"- [{'x' if done else ' '}] {text}" for text, done in checklist.items
        )
        parts.append(f"**{checklist.name}**\n\n{items}")
    if card.links:
        parts.append("\n".join(f"- [{name or url}]({url})" for name, url in card.links))
    origin = _("Importé de la carte « %(card)s » du tableau Trello « %(board)s ».") % {
        "card": card.name,
        "board": board_name,
    }
    parts.append(f"*{origin}*")
    return "\n\n".join(parts)


def build_plan(board, carnet, mapping):
    existing = {
        entry.source_key: entry
        for entry in carnet.entries.filter(
            source_key__in=[source_key(card) for card in board.cards]
        )
    }

    def row(card, moment):
        planned = PlanRow(
            card,
            CREATE,
            moment,
            card.name[:TITLE_LENGTH],
            entry_body(card, board.name),
            existing.get(source_key(card)),
        )
        entry = planned.existing
        if entry is not None:
            same = (
                entry.title == planned.title
                and entry.body == planned.body
                and entry.moment == moment
            )
            planned.action = UNCHANGED if same else UPDATE
        return planned

    return plan_cards(board, mapping, row)


@transaction.atomic
def apply_plan(rows, carnet, user):
    for row in rows:
        if row.action == CREATE:
            create_entry(
                carnet,
                user=user,
                title=row.title,
                body=row.body,
                moment=row.target,
                kind=EntryKind.INDIVIDUAL,
                source_key=source_key(row.card),
            )
        elif row.action == UPDATE:
            save_entry(
                row.existing,
                user=user,
                title=row.title,
                body=row.body,
                base_version=row.existing.version,
                note=_("Mise à jour depuis Trello"),
                moment=row.target,
            )
    return summary(rows)
