from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The one search interface (/recherche/) and its back ends."""

    name = "search"
    verbose_name = _("Recherche")

    def ready(self):
        from . import sync

        sync.connect()
