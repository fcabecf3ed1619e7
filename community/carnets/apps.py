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
        from . import activity, personal_data, rules, search_adapters  # noqa: F401

        search_adapters.connect()
