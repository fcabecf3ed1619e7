from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CarnetsConfig(AppConfig):
    """Carnets d'apprentissage: each learning team's journal, in the three
    moments of the event and its follow-up, and the facilitators' carnets."""

    name = "community.carnets"
    label = "carnets"
    verbose_name = _("Carnets d'apprentissage")

    def ready(self):
        # Register this app's permission rules, RGPD handlers, activity
        # source, search adapters, notification types and page sections.
        # Plug this app into the registries (see the README's « Architecture »);
        # no module registers anything on import.
        from . import (
            activity,
            notifications,
            personal_data,
            rules,
            search_adapters,
            sections,
        )

        rules.register()
        notifications.register()
        personal_data.register()
        activity.register()
        search_adapters.register()
        sections.register()
