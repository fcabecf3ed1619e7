"""Choices of the notifications: follow levels, e-mail frequencies, timezones."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    """How closely a member follows a thread, a space or an item."""

    WATCHING = "suivi", _("Suivi : tout ce qui s'y passe")
    NORMAL = "normal", _("Normal : ce qui me concerne (réponses, mentions, décisions)")
    MUTED = "silencieux", _("Silencieux : rien")


class Frequency(models.TextChoices):
    """When a kind of notification reaches a member by e-mail."""

    IMMEDIATE = "immediat", _("Immédiatement")
    DAILY = "quotidien", _("Résumé quotidien")
    WEEKLY = "hebdomadaire", _("Résumé hebdomadaire")
    NEVER = "jamais", _("Jamais")


class MemberTimezone(models.TextChoices):
    """The timezones of the members' territories: the daily digest leaves at
    the same local hour for each."""

    PARIS = "Europe/Paris", _("Hexagone (Paris)")
    REUNION = "Indian/Reunion", _("La Réunion")
    MARTINIQUE = "America/Martinique", _("Martinique")
