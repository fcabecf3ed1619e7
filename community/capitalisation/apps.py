from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CapitalisationConfig(AppConfig):
    """Capitalisation: the evaluations of sessions, défi workshops and
    éditions, each défi's livret de capitalisation and each édition's bilan
    (HTML and PDF)."""

    name = "community.capitalisation"
    label = "capitalisation"
    verbose_name = _("Capitalisation")

    def ready(self):
        # Plug this app into the registries (see the README's « Architecture »);
        # no module registers anything on import.
        from community.events.models import EditionPage

        from . import invitations, personal_data, rules, sections

        # An édition holds its bilan page: said here, so that the events app
        # (below this one) names nothing of capitalisation.
        if "capitalisation.BilanPage" not in EditionPage.subpage_types:
            EditionPage.subpage_types = [
                *EditionPage.subpage_types,
                "capitalisation.BilanPage",
            ]
        rules.register()
        personal_data.register()
        sections.register()
        invitations.register()
