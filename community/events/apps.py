from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Éditions, sites, programmes, registration and calls for contributions."""

    name = "community.events"
    label = "events"
    verbose_name = _("Événements")

    def ready(self):
        # Plug this app into the registries (see the README's « Architecture »);
        # no module registers anything on import.
        from . import notifications, personal_data, rules, search_adapters, signals

        rules.register()
        notifications.register()
        personal_data.register()
        search_adapters.register()
        signals.connect()
