from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The one search interface (/recherche/) and its back ends."""

    name = "search"
    verbose_name = _("Recherche")

    def ready(self):
        # Plug this app into the registries (see the README's « Architecture »);
        # no module registers anything on import. Wagtail pages are indexed
        # by the page adapter; the apps register the rest (see registry.py).
        from . import registry, sync

        registry.register(registry.PageAdapter)
        sync.connect()
