from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChallengesConfig(AppConfig):
    """Défis: the questions brought by collectivités, and their progress."""

    name = "community.challenges"
    label = "challenges"
    verbose_name = _("Défis")

    def ready(self):
        # Register this app's permission rule, RGPD handlers, activity source
        # and the sections it adds to the pages below it.
        from . import activity, personal_data, rules, sections  # noqa: F401

        rules.register()
        sections.register()
