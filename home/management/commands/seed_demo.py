"""Load the demo content built from the seed documents. Idempotent.

Each installed project app may provide ``<app>.demo.seed(log)``; they run in
INSTALLED_APPS order (home first: it makes the home page the others hang from).
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


def demo_modules():
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.demo"
        if app_config.name.startswith(("django", "wagtail", "allauth")):
            continue
        if find_spec(app_config.name) and find_spec(module_name):
            yield import_module(module_name)


class Command(BaseCommand):
    help = "Charge le contenu de démonstration (idempotent : deux passages = un seul)."

    def handle(self, *args, **options):
        def log(message):
            self.stdout.write(f"  · {message}")

        with transaction.atomic():
            for module in demo_modules():
                module.seed(log)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration à jour."))
