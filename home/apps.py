from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page, generic pages, shared blocks and mixins, and the site shell."""

    name = "home"
    verbose_name = _("Accueil et pages génériques")

    def ready(self):
        from .jobs import register_jobs

        register_jobs()
