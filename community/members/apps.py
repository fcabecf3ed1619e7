from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    """Members, profiles, communities, learning teams and the one permission policy."""

    name = "community.members"
    label = "members"
    verbose_name = _("Membres et communautés")

    def ready(self):
        # Register this app's permission rules, RGPD handlers, activity source
        # and search adapters.
        from . import activity, personal_data, rules, search_adapters  # noqa: F401

        rules.register()
        search_adapters.connect()
