from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    """The resource libraries: rôles, glossaire, bibliographie, méthodologies, documents."""

    name = "resources"
    verbose_name = _("Ressources")

    def ready(self):
        # Plug this app into the registries (see the README's « Architecture »);
        # no module registers anything on import.
        from . import search_adapters, signals

        search_adapters.register()
        signals.connect()
