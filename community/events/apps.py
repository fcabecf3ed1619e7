from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Éditions, sites, programmes, registration and calls for contributions."""

    name = "community.events"
    label = "events"
    verbose_name = _("Événements")

    def ready(self):
        # Register this app's permission rules, RGPD handlers and search adapter.
        from . import personal_data, rules, search_adapters, signals  # noqa: F401

        rules.register()
        signals.connect()
        search_adapters.connect()
