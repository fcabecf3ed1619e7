from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CapitalisationConfig(AppConfig):
    """Capitalisation: the evaluations of sessions, défi workshops and
    éditions, and each défi's livret de capitalisation (HTML and PDF)."""

    name = "community.capitalisation"
    label = "capitalisation"
    verbose_name = _("Capitalisation")

    def ready(self):
        # Plug this app into the registries (see the README's « Architecture »);
        # no module registers anything on import.
        from . import invitations, personal_data, rules, sections

        rules.register()
        personal_data.register()
        sections.register()
        invitations.register()
