from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChallengesConfig(AppConfig):
    """Défis: the questions brought by collectivités, and their progress."""

    name = "community.challenges"
    label = "challenges"
    verbose_name = _("Défis")
