from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page, generic pages, shared blocks and mixins, and the site shell."""

    name = "home"
    verbose_name = _("Accueil et pages génériques")

    def ready(self):
        # Plug this app into the registries (see the README's « Architecture »);
        # no module registers anything on import.
        from . import front_cache, search_adapters
        from .jobs import register_jobs

        front_cache.register()
        search_adapters.register()
        register_jobs()
