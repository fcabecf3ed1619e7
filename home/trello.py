"""Reading a Trello board's JSON export (« Menu › Imprimer, exporter et
partager › Exporter au format JSON »), for the imports that bring the teams'
boards into the site (the resource library, a défi's étapes, a carnet).

``parse_board(raw_bytes)`` checks that the file is such an export and returns
a :class:`Board` of plain values: lists, cards with their description,
labels, checklists and link attachments. Nothing else of the export is kept
(no members, no actions, no uploaded files: their URLs point at Trello and
are kept as links, never fetched). Every text is bounded and stripped of
control characters; only ``http(s)`` links survive. A file that is not an
export, too big, or too large a board raises :class:`TrelloFileError` with a
French sentence saying why.
"""

import json
from dataclasses import asdict, dataclass, field

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from . import filters, markup

MAX_FILE_SIZE = 20 * 1024 * 1024
MAX_CARDS = 5000
NAME_LENGTH = 255
DESC_LENGTH = 16384
ITEM_LENGTH = 500


class TrelloFileError(ValueError):
    """The file cannot be imported; the message says why, in French."""


@dataclass
class Checklist:
    name: str
    items: list[tuple[str, bool]] = field(default_factory=list)  # (text, done)


@dataclass
class Card:
    id: str
    name: str
    desc: str
    list_name: str
    labels: list[str] = field(default_factory=list)
    checklists: list[Checklist] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (name, url)
    url: str = ""
    closed: bool = False


@dataclass
class Board:
    id: str
    name: str
    lists: list[str]  # names of the open lists, in board order
    cards: list[Card]

    def as_dict(self):
        """Plain JSON-able values (kept between the preview and the import)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data):
        cards = [
            Card(
                **{
                    **card,
                    "checklists": [
                        Checklist(c["name"], [tuple(i) for i in c["items"]])
                        for c in card["checklists"]
                    ],
                    "links": [tuple(link) for link in card["links"]],
                }
            )
            for card in data["cards"]
        ]
        return cls(data["id"], data["name"], list(data["lists"]), cards)


def _text(value, length):
    """One line of text."""
    if not isinstance(value, str):
        return ""
    return filters.clean_text(value, length).strip()


def _block(value, length):
    """Text of several lines (a description)."""
    if not isinstance(value, str):
        return ""
    return markup.clean_text(value)[:length].strip()


def _link(value):
    url = _text(value, 2000)
    return url if url.lower().startswith(("https://", "http://")) else ""


def _objects(data, key):
    value = data.get(key, [])
    if not isinstance(value, list):
        raise TrelloFileError(
            _("Ce fichier n'est pas un export JSON de Trello (« %(key)s » illisible).")
            % {"key": key}
        )
    return [item for item in value if isinstance(item, dict)]


def _by_position(items):
    def position(item):
        pos = item.get("pos")
        return pos if isinstance(pos, int | float) else 0

    return sorted(items, key=position)


def parse_board(raw):
    if len(raw) > MAX_FILE_SIZE:
        raise TrelloFileError(
            _(
                "Le fichier pèse %(size)s : la limite est de %(max)s. Rien n'a été "
                "importé. Exportez le tableau sans ses archives, ou en plusieurs fois."
            )
            % {"size": filesizeformat(len(raw)), "max": filesizeformat(MAX_FILE_SIZE)}
        )
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise TrelloFileError(
            _("Ce fichier n'est pas un export JSON de Trello : il n'est pas du JSON.")
        ) from None
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("cards"), list)
        or not isinstance(data.get("lists"), list)
        or not isinstance(data.get("id"), str)
    ):
        raise TrelloFileError(
            _(
                "Ce fichier n'est pas un export JSON de Trello : il lui manque le "
                "tableau, ses listes ou ses cartes."
            )
        )
    raw_cards = _objects(data, "cards")
    if len(raw_cards) > MAX_CARDS:
        raise TrelloFileError(
            _("Le tableau compte %(count)s cartes : la limite est de %(max)s.")
            % {"count": len(raw_cards), "max": MAX_CARDS}
        )
    lists = {
        item.get("id"): item
        for item in _by_position(_objects(data, "lists"))
        if isinstance(item.get("id"), str)
    }
    labels = {
        item.get("id"): _text(item.get("name"), 100)
        for item in _objects(data, "labels")
    }
    checklists = {}
    for item in _objects(data, "checklists"):
        entries = [
            (_text(entry.get("name"), ITEM_LENGTH), entry.get("state") == "complete")
            for entry in _by_position(_objects(item, "checkItems"))
        ]
        checklists.setdefault(item.get("idCard"), []).append(
            Checklist(
                _text(item.get("name"), NAME_LENGTH), [e for e in entries if e[0]]
            )
        )
    cards = []
    for item in _by_position(raw_cards):
        card_id = item.get("id")
        owner = lists.get(item.get("idList"))
        if not isinstance(card_id, str) or owner is None:
            continue
        card_labels = [labels.get(pk, "") for pk in item.get("idLabels") or []]
        card_labels += [
            _text(label.get("name"), 100)
            for label in _objects(item, "labels")
            if label.get("id") not in labels
        ]
        cards.append(
            Card(
                id=_text(card_id, 64),
                name=_text(item.get("name"), NAME_LENGTH),
                desc=_block(item.get("desc"), DESC_LENGTH),
                list_name=_text(owner.get("name"), NAME_LENGTH),
                labels=list(dict.fromkeys(label for label in card_labels if label)),
                checklists=checklists.get(card_id, []),
                links=[
                    (_text(a.get("name"), NAME_LENGTH), _link(a.get("url")))
                    for a in _objects(item, "attachments")
                    if _link(a.get("url"))
                ],
                url=_link(item.get("shortUrl") or item.get("url")),
                closed=bool(item.get("closed")) or bool(owner.get("closed")),
            )
        )
    return Board(
        id=_text(data["id"], 64),
        name=_text(data.get("name"), NAME_LENGTH) or _("Tableau sans nom"),
        lists=[
            _text(item.get("name"), NAME_LENGTH)
            for item in lists.values()
            if not item.get("closed")
        ],
        cards=cards,
    )
