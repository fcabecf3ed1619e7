"""Reading a Trello board's JSON export (home/trello.py)."""

import json

import pytest

from home import trello
from home.trello import Board, TrelloFileError, parse_board

from .trello_export import export_bytes, trello_export


def test_a_board_is_read_with_its_lists_cards_labels_checklists_and_links():
    board = parse_board(export_bytes())
    assert board.name == "Ressources des équipes défis"
    assert board.lists == ["À lire", "Outils"]
    guide = board.cards[0]
    assert guide.name == "Guide de la mini-immersion"
    assert guide.desc.startswith("Comment préparer") and "\n\nÀ lire" in guide.desc
    assert guide.list_name == "À lire"
    assert guide.labels == ["Transitions écologiques", "prototypage"]
    assert [(c.name, c.items) for c in guide.checklists] == [
        ("Avant de partir", [("Choisir le lieu", True), ("Prévenir le service", False)])
    ]
    # Links are kept, never fetched; only http(s) ones.
    assert guide.links == [("Support", "https://example.org/support.pdf")]
    assert guide.url == "https://trello.com/c/abc123"
    closed = {card.name: card.closed for card in board.cards}
    assert closed["Carte archivée"] and closed["Dans une liste archivée"]
    assert not closed["Guide de la mini-immersion"]


def test_the_board_survives_the_trip_through_json():
    board = parse_board(export_bytes())
    assert Board.from_dict(json.loads(json.dumps(board.as_dict()))) == board


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"\x89PNG\r\n", "pas du JSON"),
        (b"{not json", "pas du JSON"),
        (b"[1, 2, 3]", "il lui manque"),
        (json.dumps({"name": "x", "cards": []}).encode(), "il lui manque"),
        (json.dumps({"id": "b", "lists": [], "cards": {}}).encode(), "il lui manque"),
        (b"[" * 100000 + b"]" * 100000, "pas du JSON"),
    ],
)
def test_what_is_not_a_trello_export_is_refused_with_a_reason(raw, message):
    with pytest.raises(TrelloFileError, match=message):
        parse_board(raw)


def test_too_big_files_and_boards_are_refused(monkeypatch):
    monkeypatch.setattr(trello, "MAX_FILE_SIZE", 100)
    with pytest.raises(TrelloFileError, match="la limite est de"):
        parse_board(b" " * 101)
    monkeypatch.setattr(trello, "MAX_FILE_SIZE", 10**8)
    monkeypatch.setattr(trello, "MAX_CARDS", 2)
    with pytest.raises(TrelloFileError, match="4 cartes"):
        parse_board(export_bytes())


def test_texts_are_bounded_and_stripped_of_invisible_characters():
    export = trello_export(
        cards=[
            {
                "id": "c9",
                "name": "Titre\u202e inversé\u200b" + "x" * 400,
                "desc": "ligne\u0000 une\r\nligne deux",
                "idList": "l1",
                "labels": [{"id": "libre", "name": "Étiquette sans id connu"}],
            }
        ]
    )
    card = parse_board(json.dumps(export).encode()).cards[0]
    assert "\u202e" not in card.name and "\u200b" not in card.name
    assert len(card.name) <= trello.NAME_LENGTH
    assert card.desc == "ligne une\nligne deux"
    assert card.labels == ["Étiquette sans id connu"]
