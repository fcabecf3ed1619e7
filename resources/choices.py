"""Choices of the resource libraries (stored values in English, labels in French)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    """The phases of the collaborative innovation loop (seed 002)."""

    LISTEN = "listen", _("Écouter / immersion")
    IDEATE = "ideate", _("Idéer")
    PROTOTYPE = "prototype", _("Prototyper")
    TEST = "test", _("Tester")
    CAPITALISE = "capitalise", _("Capitaliser")


class DurationBand(models.TextChoices):
    """Duration filter of the method sheets; bounds in minutes below."""

    SHORT = "short", _("Moins d'une heure")
    HALF_DAY = "half-day", _("De 1 h à une demi-journée")
    DAY = "day", _("De la demi-journée à une journée")
    LONG = "long", _("Plus d'une journée")


# (lowest minutes included, highest minutes included); None = no bound.
DURATION_BOUNDS = {
    DurationBand.SHORT: (None, 59),
    DurationBand.HALF_DAY: (60, 240),
    DurationBand.DAY: (241, 480),
    DurationBand.LONG: (481, None),
}


class GroupSize(models.TextChoices):
    """Group size filter of the method sheets; bounds in people below."""

    SMALL = "small", _("Petit groupe (jusqu'à 8)")
    TEAM = "team", _("Équipe (9 à 30)")
    LARGE = "large", _("Grand groupe (plus de 30)")


GROUP_SIZE_BOUNDS = {
    GroupSize.SMALL: (1, 8),
    GroupSize.TEAM: (9, 30),
    GroupSize.LARGE: (31, None),
}


class DocumentType(models.TextChoices):
    """What a document is, in the editors' words (Dublin Core *type*)."""

    PROGRAMME = "programme", _("Programme")
    CHALLENGE_SHEET = "challenge-sheet", _("Fiche défi")
    PRESENTATION = "presentation", _("Support de présentation")
    MINUTES = "minutes", _("Compte rendu, synthèse")
    GUIDE = "guide", _("Guide, fiche pratique")
    REPORT = "report", _("Rapport, étude")
    FORM = "form", _("Formulaire, appel")
    POSTER = "poster", _("Affiche")
    DATASET = "dataset", _("Données")
    OTHER = "other", _("Autre")


class Licence(models.TextChoices):
    """Rights of reuse (Dublin Core *rights*): Creative Commons first (seed 001)."""

    CC_BY = "cc-by", _("Creative Commons Attribution (CC BY)")
    CC_BY_SA = (
        "cc-by-sa",
        _(
            "Creative Commons Attribution – Partage dans les mêmes conditions (CC BY-SA)"
        ),
    )
    CC_BY_NC = (
        "cc-by-nc",
        _("Creative Commons Attribution – Pas d'utilisation commerciale (CC BY-NC)"),
    )
    CC_BY_NC_SA = (
        "cc-by-nc-sa",
        _(
            "Creative Commons Attribution – Pas d'utilisation commerciale – "
            "Partage dans les mêmes conditions (CC BY-NC-SA)"
        ),
    )
    CC_BY_ND = (
        "cc-by-nd",
        _("Creative Commons Attribution – Pas de modification (CC BY-ND)"),
    )
    CC_BY_NC_ND = (
        "cc-by-nc-nd",
        _(
            "Creative Commons Attribution – Pas d'utilisation commerciale – "
            "Pas de modification (CC BY-NC-ND)"
        ),
    )
    CC0 = "cc0", _("Domaine public (CC0)")
    ETALAB = "etalab-2.0", _("Licence Ouverte / Etalab 2.0")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("Tous droits réservés")


class Language(models.TextChoices):
    """Language of a document (Dublin Core *language*, ISO 639-1)."""

    FRENCH = "fr", _("Français")
    ENGLISH = "en", _("Anglais")
    GERMAN = "de", _("Allemand")
    SPANISH = "es", _("Espagnol")
    ITALIAN = "it", _("Italien")
    ROMANIAN = "ro", _("Roumain")
    OTHER = "other", _("Autre langue")


class ExtractionStatus(models.TextChoices):
    """Where the extraction of a document's text stands."""

    PENDING = "pending", _("En attente")
    DONE = "done", _("Texte extrait")
    EMPTY = "empty", _("Aucun texte trouvé")
    FAILED = "failed", _("Échec de l'extraction")
    UNSUPPORTED = "unsupported", _("Format sans extraction")


class ImportStatus(models.TextChoices):
    """Where the import of a Trello board into the library stands."""

    PREVIEW = "preview", _("Aperçu, en attente de confirmation")
    QUEUED = "queued", _("En file d'attente")
    RUNNING = "running", _("En cours")
    DONE = "done", _("Terminé")
    FAILED = "failed", _("Échec")
