from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    """Members, profiles, communities, learning teams and the one permission policy."""

    name = "community.members"
    label = "members"
    verbose_name = _("Membres et communautés")

    def ready(self):
        from . import search_adapters

        search_adapters.connect()
