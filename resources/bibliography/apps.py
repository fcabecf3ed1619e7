from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BibliographyConfig(AppConfig):
    """The bibliography: structured references, CSL formatting, BibTeX/RIS import
    and export. It sits under ``resources`` and imports nothing from it."""

    name = "resources.bibliography"
    label = "bibliography"
    verbose_name = _("Bibliographie")
