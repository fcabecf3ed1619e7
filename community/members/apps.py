from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    """Members, profiles, communities, learning teams and the one permission policy."""

    name = "community.members"
    label = "members"
    verbose_name = _("Membres et communautés")

    def ready(self):
        # Plug this app into the registries (see the README's « Architecture »);
        # no module registers anything on import.
        from . import activity, personal_data, rules, search_adapters

        rules.register()
        personal_data.register()
        activity.register()
        search_adapters.register()
