"""The one notion of a place: the territory (a site of the université, or the
rest of the country).

A member's profile, a local e-communauté and a venue of the events all say
where they are with one of these values, and the search's ``site`` facet
(and the défis' « Site » filter) use the same value, so every label comes
from here: ``territory_label(value)``. Model fields take
``choices=territory_choices`` (a callable: a new territory needs no
migration of the fields that use it).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Territory(models.TextChoices):
    """The sites of the université, and the rest of the country."""

    CLUNY = "cluny", _("Cluny")
    RENNES = "rennes", _("Rennes")
    STRASBOURG = "strasbourg", _("Strasbourg")
    AIX = "aix-en-provence", _("Aix-en-Provence")
    REUNION = "la-reunion", _("La Réunion")
    MARTINIQUE = "martinique", _("Martinique")
    NANCY = "nancy", _("Nancy")
    OTHER = "autre", _("Autre territoire")


def territory_choices():
    """``(value, label)`` of every territory, for model and form fields."""
    return Territory.choices


def territory_label(value):
    """The readable name of a territory value (the value itself if unknown,
    the empty string for none)."""
    if not value:
        return ""
    try:
        return str(Territory(value).label)
    except ValueError:
        return value
