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
        # activity and personal_data register themselves on import.
        from . import (  # noqa: F401
            activity,
            personal_data,
            rules,
            search_adapters,
            sections,
        )

        rules.register()
        search_adapters.connect()
        sections.register()
