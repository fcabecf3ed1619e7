"""A Trello board's JSON export, written for the tests (the shape of Trello's
« Exporter au format JSON »: lists, labels, cards, checklists, attachments,
and the actions and members an import ignores)."""

import json


def trello_export(cards=None, lists=None, name="Ressources des équipes défis"):
    lists = lists or [
        {"id": "l1", "name": "À lire", "closed": False, "pos": 1},
        {"id": "l2", "name": "Outils", "closed": False, "pos": 2},
        {"id": "l3", "name": "Vieille liste", "closed": True, "pos": 3},
    ]
    labels = [
        {"id": "lab1", "name": "Transitions écologiques", "color": "green"},
        {"id": "lab2", "name": "prototypage", "color": "blue"},
    ]
    if cards is None:
        cards = [
            {
                "id": "c1",
                "name": "Guide de la mini-immersion",
                "desc": (
                    "Comment préparer une immersion d'une demi-journée."
                    "\n\nÀ lire avant l'atelier."
                ),
                "idList": "l1",
                "idLabels": ["lab1", "lab2"],
                "closed": False,
                "pos": 1,
                "shortUrl": "https://trello.com/c/abc123",
                "attachments": [
                    {
                        "id": "a1",
                        "name": "Support",
                        "url": "https://example.org/support.pdf",
                    },
                    {"id": "a2", "name": "Piège", "url": "javascript:alert(1)"},
                ],
            },
            {
                "id": "c2",
                "name": "<script>alert('carte')</script> Boîte à outils",
                "desc": "",
                "idList": "l2",
                "idLabels": [],
                "closed": False,
                "pos": 2,
            },
            {
                "id": "c3",
                "name": "Carte archivée",
                "idList": "l1",
                "closed": True,
                "pos": 3,
            },
            {"id": "c4", "name": "Dans une liste archivée", "idList": "l3", "pos": 4},
        ]
    checklists = [
        {
            "id": "k1",
            "idCard": "c1",
            "name": "Avant de partir",
            "checkItems": [
                {
                    "id": "i2",
                    "name": "Prévenir le service",
                    "state": "incomplete",
                    "pos": 2,
                },
                {"id": "i1", "name": "Choisir le lieu", "state": "complete", "pos": 1},
            ],
        }
    ]
    return {
        "id": "board1",
        "name": name,
        "desc": "",
        "labels": labels,
        "lists": lists,
        "cards": cards,
        "checklists": checklists,
        "actions": [{"id": "x", "type": "createCard"}],
        "members": [{"id": "m1", "fullName": "Personne"}],
    }


def export_bytes(**kwargs):
    return json.dumps(trello_export(**kwargs)).encode()


def many_cards(count):
    return [
        {
            "id": f"card{n}",
            "name": f"Fiche {n}",
            "desc": f"Texte {n}",
            "idList": "l1",
            "pos": n,
        }
        for n in range(count)
    ]
