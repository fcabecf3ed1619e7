"""A team's Trello board brought into its carnet: each list goes to a moment
(or is left out), each card becomes an individual entry of that moment,
signed by the member who imports it and saying where it comes from.

``build_plan`` says what will happen to each card (created, updated,
unchanged, skipped); ``apply_plan`` does it in one transaction. Entries are
found again by their card id (``Entry.source_key``): importing the board
again updates them with a new version (their history keeps the earlier
ones), never copies them. Nothing is fetched from Trello: attachments stay
links. The board is read by ``home.trello``.
"""

import unicodedata
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from .choices import EntryKind, Moment
from .editing import create_entry, save_entry
from .models import Entry

CREATE, UPDATE, UNCHANGED, SKIP = "create", "update", "unchanged", "skip"
IGNORE = ""
TITLE_LENGTH = 200
# Words of a list's name that say which moment it is.
MOMENT_WORDS = (
    (Moment.FOLLOW_UP, ("suite", "engagement", "mois")),
    (Moment.BEFORE, ("avant", "objectif", "cadr")),
    (Moment.DURING, ("pendant", "apprentissage", "question")),
    (Moment.AFTER, ("apres", "exposition", "partage")),
)


def _plain(text):
    text = unicodedata.normalize("NFKD", text).casefold()
    return "".join(char for char in text if not unicodedata.combining(char))


def default_mapping(lists):
    """A moment for each list: named by its words, else by its place."""
    mapping = {}
    for index, name in enumerate(lists):
        words = _plain(name)
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


@dataclass
class PlanRow:
    card: object
    action: str
    moment: str = ""
    title: str = ""
    body: str = ""
    entry: Entry | None = None
    reason: str = ""


def build_plan(board, carnet, mapping):
    existing = {
        entry.source_key: entry
        for entry in carnet.entries.filter(
            source_key__in=[source_key(card) for card in board.cards]
        )
    }
    rows, seen = [], set()
    for card in board.cards:
        moment = mapping.get(card.list_name, IGNORE)
        if card.closed:
            rows.append(PlanRow(card, SKIP, reason=_("carte archivée")))
        elif not card.name:
            rows.append(PlanRow(card, SKIP, reason=_("carte sans titre")))
        elif moment == IGNORE:
            rows.append(PlanRow(card, SKIP, reason=_("liste laissée de côté")))
        elif card.id in seen:
            rows.append(PlanRow(card, SKIP, reason=_("carte en double")))
        else:
            seen.add(card.id)
            row = PlanRow(
                card,
                CREATE,
                moment,
                card.name[:TITLE_LENGTH],
                entry_body(card, board.name),
                existing.get(source_key(card)),
            )
            if row.entry is not None:
                same = (
                    row.entry.title == row.title
                    and row.entry.body == row.body
                    and row.entry.moment == moment
                )
                row.action = UNCHANGED if same else UPDATE
            rows.append(row)
    return rows


def summary(rows):
    counts = {CREATE: 0, UPDATE: 0, UNCHANGED: 0, SKIP: 0}
    for row in rows:
        counts[row.action] += 1
    return counts


@transaction.atomic
def apply_plan(rows, carnet, user):
    for row in rows:
        if row.action == CREATE:
            create_entry(
                carnet,
                user=user,
                title=row.title,
                body=row.body,
                moment=row.moment,
                kind=EntryKind.INDIVIDUAL,
                source_key=source_key(row.card),
            )
        elif row.action == UPDATE:
            save_entry(
                row.entry,
                user=user,
                title=row.title,
                body=row.body,
                base_version=row.entry.version,
                note=_("Mise à jour depuis Trello"),
                moment=row.moment,
            )
    return summary(rows)
