from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    """The resource libraries: rôles, glossaire, bibliographie, méthodologies, documents."""

    name = "resources"
    verbose_name = _("Ressources")

    def ready(self):
        from . import search_adapters, signals  # noqa: F401 (registers the adapters)

        signals.connect()
