"""Point Wagtail's default Site and Django's Site at BASE_URL (home.sites)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from home.sites import base_url, sync_sites


class Command(BaseCommand):
    help = (
        "Règle le nom d'hôte et le port du site Wagtail par défaut, et le domaine "
        "de django.contrib.sites, sur BASE_URL (liens absolus du plan du site, de "
        "l'API, des flux et des courriels)."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        changes = sync_sites()
        if changes:
            for change in changes:
                self.stdout.write(f"  · {change}")
        self.stdout.write(f"Adresse publique du site : {base_url()}/")
