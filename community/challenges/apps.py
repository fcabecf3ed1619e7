from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChallengesConfig(AppConfig):
    """Défis: the questions brought by collectivités, and their progress."""

    name = "community.challenges"
    label = "challenges"
    verbose_name = _("Défis")

    def ready(self):
        # Register this app's permission rule, RGPD handlers, activity source
        # and the défi offered when a learning team is created.
        from . import activity, personal_data, rules, team_links  # noqa: F401
