"""Choices of the bibliography."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferenceType(models.TextChoices):
    """Kinds of reference. The values are CSL types, so that the CSL-JSON of a
    reference, its formatting and its exports need no second mapping."""

    BOOK = "book", _("Livre")
    CHAPTER = "chapter", _("Chapitre d'ouvrage")
    ARTICLE_JOURNAL = "article-journal", _("Article de revue")
    ARTICLE_MAGAZINE = "article-magazine", _("Article de magazine")
    ARTICLE_NEWSPAPER = "article-newspaper", _("Article de presse")
    REPORT = "report", _("Rapport")
    THESIS = "thesis", _("Thèse ou mémoire")
    PAPER_CONFERENCE = "paper-conference", _("Communication de colloque")
    WEBPAGE = "webpage", _("Page web")
    DATASET = "dataset", _("Jeu de données")
    DOCUMENT = "document", _("Autre document")


class ContributorRole(models.TextChoices):
    """What a person or organisation did for a reference."""

    AUTHOR = "author", _("Auteur")
    EDITOR = "editor", _("Directeur de publication")
    TRANSLATOR = "translator", _("Traducteur")
