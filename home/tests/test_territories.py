"""The one notion of a place (home/territories.py)."""

from home.territories import Territory, territory_choices, territory_label


def test_labels_come_from_the_territories():
    assert territory_label("nancy") == "Nancy"
    assert territory_label(Territory.REUNION) == "La Réunion"
    assert territory_label("autre") == "Autre territoire"


def test_unknown_or_empty_values():
    assert territory_label("nulle-part") == "nulle-part"
    assert territory_label("") == ""
    assert territory_label(None) == ""


def test_choices_list_every_territory_once():
    values = [value for value, _label in territory_choices()]
    assert values == Territory.values
    assert len(set(values)) == len(values)
    assert "nancy" in values
