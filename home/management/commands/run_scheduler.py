"""Run the site's periodic jobs (``home.scheduler``): in a loop, or once."""

import signal
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from home import scheduler


class Command(BaseCommand):
    help = (
        "Lance les tâches périodiques du site (publication programmée, rejeu de la "
        "file de la recherche…) quand elles sont dues, en boucle ; --once les lance "
        "une fois et s'arrête."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once",
            action="store_true",
            help="Lance les tâches dues une seule fois, puis s'arrête.",
        )
        parser.add_argument(
            "--max-wait",
            type=float,
            default=5.0,
            help="Attente maximale entre deux vérifications, en secondes (5).",
        )

    def handle(self, *args, once, max_wait, **options):
        jobs = scheduler.periodic_jobs()
        if not once:
            listed = (
                ", ".join(f"{job.name} ({_every(job.every)})" for job in jobs)
                or "aucune"
            )
            self.stdout.write(f"Planificateur démarré — tâches : {listed}.")
        self.stopping = False
        if not once:
            signal.signal(signal.SIGTERM, self.stop)
            signal.signal(signal.SIGINT, self.stop)
        while not self.stopping:
            try:
                self.tick()
                wait = scheduler.seconds_until_next()
                if wait is None:  # no job registered
                    wait = max_wait
            except DatabaseError as error:
                # The database may restart; keep the scheduler alive.
                self.stderr.write(
                    f"Planificateur : base de données indisponible ({error})."
                )
                wait = max_wait
            if once:
                break
            # As after a request: drop a connection the database closed (a
            # restart), so that the next tick reconnects.
            close_old_connections()
            self.sleep(min(max(wait, 0.5), max_wait))
        if not once:
            self.stdout.write("Planificateur arrêté.")

    def tick(self):
        for outcome in scheduler.run_due():
            if outcome.error:
                self.stderr.write(
                    self.style.ERROR(
                        f"Tâche {outcome.job.name} en échec :\n{outcome.error}"
                    )
                )
            elif outcome.result:
                self.stdout.write(f"Tâche {outcome.job.name} : {outcome.result}")

    def sleep(self, seconds):
        deadline = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(min(0.2, deadline - time.monotonic()))

    def stop(self, signum, frame):
        self.stopping = True


def _every(delta):
    seconds = int(delta.total_seconds())
    if seconds % 3600 == 0:
        return f"toutes les {seconds // 3600} h"
    if seconds == 60:
        return "chaque minute"
    if seconds % 60 == 0:
        return f"toutes les {seconds // 60} min"
    return f"toutes les {seconds} s"
