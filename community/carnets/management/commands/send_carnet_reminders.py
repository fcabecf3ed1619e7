"""Send the carnets' follow-up reminders that are due (run it daily)."""

from django.core.management.base import BaseCommand

from community.carnets.reminders import send_follow_up_reminders


class Command(BaseCommand):
    help = (
        "Relance les équipes apprenantes 1, 3 et 6 mois après leur édition pour "
        "revoir les engagements du moment 3 (une fois par point d'étape)."
    )

    def handle(self, *args, **options):
        sent = send_follow_up_reminders()
        self.stdout.write(f"Relances des suites envoyées : {sent} équipe(s).")
