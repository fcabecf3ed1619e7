"""The readable text of StreamField values and objects (``search.text``), and
the snippets cut from it (``backends.base.highlight``)."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.search import index

import pytest

from search import text
from search.backends.base import highlight, plain


class Card(blocks.StructBlock):
    heading = blocks.CharBlock()
    style = blocks.ChoiceBlock(choices=[("info", "Encadré d'information")])
    link = blocks.URLBlock(required=False)
    body = blocks.RichTextBlock()
    items = blocks.ListBlock(blocks.CharBlock())


class Body(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock()
    card = Card()
    table = TableBlock()
    typed = TypedTableBlock(
        [("text", blocks.CharBlock()), ("rich", blocks.RichTextBlock())]
    )
    nested = blocks.StreamBlock([("quote", blocks.TextBlock())])
    raw = blocks.RawHTMLBlock()


def stream(*children):
    return Body().to_python(
        [{"type": kind, "value": value} for kind, value in children]
    )


def test_every_block_kind_gives_its_readable_text():
    value = stream(
        ("paragraph", "<p>Première <b>idée</b></p><p>Seconde&nbsp;idée</p>"),
        (
            "card",
            {
                "heading": "Cartographie",
                "style": "info",
                "link": "https://exemple.org/adresse",
                "body": "<ul><li>Un</li><li>Deux</li></ul>",
                "items": ["Alpha", "Bêta"],
            },
        ),
        (
            "table",
            {
                "data": [["Forces", "Menaces"], ["Autonomie", None]],
                "table_caption": "La matrice du SWOT",
                "first_row_is_table_header": True,
            },
        ),
        (
            "typed",
            {
                "caption": "Tableau typé",
                "columns": [
                    {"type": "text", "heading": "Colonne texte"},
                    {"type": "rich", "heading": "Colonne riche"},
                ],
                "rows": [{"values": ["Cellule simple", "<p>Cellule riche</p>"]}],
            },
        ),
        ("nested", [{"type": "quote", "value": "Une citation\nsur deux lignes"}]),
        ("raw", "<div>Brut <script>alert(1)</script></div>"),
    )
    passages = text.stream_passages(value)
    assert passages == [
        "Première idée",
        "Seconde idée",
        "Cartographie",
        "Un",
        "Deux",
        "Alpha",
        "Bêta",
        "La matrice du SWOT",
        "Forces",
        "Menaces",
        "Autonomie",
        "Tableau typé",
        "Colonne texte",
        "Colonne riche",
        "Cellule simple",
        "Cellule riche",
        "Une citation",
        "sur deux lignes",
        "Brut",
    ]
    # Choice codes and their labels, addresses and scripts are no text read.
    joined = " ".join(passages)
    for absent in ("info", "Encadré", "exemple.org", "alert"):
        assert absent not in joined


def test_a_block_may_say_its_own_text():
    class Counter(blocks.IntegerBlock):
        def search_passages(self, value):
            return [f"{value} participants"]

    block = blocks.StreamBlock([("counter", Counter())])
    value = block.to_python([{"type": "counter", "value": 12}])
    assert text.stream_passages(value) == ["12 participants"]


def test_html_passages_break_at_blocks_and_decode_entities():
    assert text.html_passages("<p>A&amp;B</p><h2>Titre</h2>x<br>y") == [
        "A&B",
        "Titre",
        "x",
        "y",
    ]
    assert text.html_passages("") == []


class Related:
    def __init__(self, **fields):
        self.__dict__.update(fields)


class Many:
    def __init__(self, items):
        self.items = items

    def all(self):
        return self.items


class Thing:
    search_fields = [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.SearchField("computed"),
        index.FilterField("hidden"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields(
            "steps",
            [
                index.SearchField("title"),
                index.RelatedFields("place", [index.SearchField("name")]),
            ],
        ),
    ]
    title = "Titre"
    summary = "Résumé"
    hidden = "filtre seulement"
    themes = Many([Related(name="Transitions écologiques")])
    steps = Many(
        [
            Related(title="Réunion de lancement", place=Related(name="Rennes")),
            Related(title="Atelier", place=None),
        ]
    )

    def computed(self):
        return "Calculé\nsur deux lignes"


def test_object_text_follows_search_fields_own_text_first():
    body = text.indexed_text(Thing(), "En plus", "Résumé")
    assert body.split(text.SEPARATOR) == [
        "Résumé",
        "Calculé",
        "sur deux lignes",
        "Transitions écologiques",
        "Réunion de lancement",
        "Rennes",
        "Atelier",
        "En plus",
    ]
    assert "Titre" not in body and "filtre" not in body


BODY = "\n".join(
    [
        "Personne qui utilise un service public ; partir de son expérience réelle "
        "est le point de départ du design de services.",
        "expérience usager",
        "parcours usager",
    ]
)


def test_snippet_stays_in_the_passage_that_matches_best():
    snippet = highlight("Intro sans rapport\n" + BODY, "parcours usager")
    assert snippet == "<mark>parcours</mark> <mark>usager</mark>"


def test_snippet_shows_the_lead_when_the_title_holds_every_word():
    snippet = highlight(BODY, "usager", title="Usager")
    assert plain(snippet).startswith("Personne qui utilise")
    assert "expérience usager" not in plain(snippet)


def test_snippet_marks_words_not_their_punctuation_and_escapes_text():
    snippet = highlight(
        "Décider par consentement, <b>vraiment</b> & vite.", "consentir"
    )
    assert "<mark>consentement</mark>," in snippet
    assert "&lt;b&gt;vraiment&lt;/b&gt; &amp;" in snippet
    assert "<b>" not in snippet


@pytest.mark.parametrize(
    "body",
    [
        " ".join(f"mot{i}" for i in range(100)) + " cible " + "fin " * 5,
        "… " + " ".join(f"mot{i}" for i in range(100)) + " cible",
        "…\n… cible …",
    ],
)
def test_snippet_never_doubles_its_ellipses(body):
    snippet = highlight(body, "cible")
    assert "<mark>cible</mark>" in snippet
    assert "… …" not in snippet and not snippet.startswith("… …")
    assert len(plain(snippet).split()) <= 32


def test_snippet_of_an_empty_body_or_query():
    assert highlight("", "x") == ""
    assert highlight("Premier passage\nSecond", "") == "Premier passage"
