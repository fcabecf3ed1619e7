from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChallengesConfig(AppConfig):
    """Défis: the questions brought by collectivités, and their progress."""

    name = "community.challenges"
    label = "challenges"
    verbose_name = _("Défis")

    def ready(self):
        # Plug this app into the registries (see the README's « Architecture »);
        # no module registers anything on import. team_links: the défi offered
        # when a learning team is created.
        from . import (
            activity,
            notifications,
            personal_data,
            rules,
            search_adapters,
            sections,
            team_links,
        )

        rules.register()
        search_adapters.register()
        notifications.register()
        personal_data.register()
        activity.register()
        sections.register()
        team_links.register()
