"""The follow-up reminders: 1, 3 and 6 months after its édition ends, a team
is reminded to revisit the commitments of moment 3 — once per checkpoint
(``CarnetReminder``), and only if it has not already written for it.

Run daily: ``manage.py send_carnet_reminders`` (and by the site's scheduler
once it exists).
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from community.events.models import EditionPage

from .choices import Checkpoint, Moment
from .models import CarnetReminder, Entry
from .notices import follow_up_reminder
from .structure import carnet_for, checkpoint_dates


def due_reminders(today=None):
    """(team, checkpoint) pairs whose reminder is due today or overdue."""
    today = today or timezone.localdate()
    due = []
    editions = EditionPage.objects.live().prefetch_related("sites", "teams")
    for edition in editions:
        ends = [site.end_date for site in edition.sites.all() if site.end_date]
        if not ends:
            continue
        dates = checkpoint_dates(max(ends))
        # Only the latest checkpoint reached, and while it is fresh: a team
        # never gets three reminders at once for an édition long past.
        reached = [cp for cp in Checkpoint if dates[cp.value] <= today]
        if not reached or (today - dates[reached[-1].value]).days > 31:
            continue
        due += [(team, reached[-1]) for team in edition.teams.all()]
    return due


def send_follow_up_reminders(today=None):
    """Send what is due; return how many teams were reminded."""
    sent = 0
    for team, checkpoint in due_reminders(today):
        carnet = carnet_for(team)
        if CarnetReminder.objects.filter(carnet=carnet, checkpoint=checkpoint).exists():
            continue
        if Entry.objects.filter(
            carnet=carnet, moment=Moment.FOLLOW_UP, checkpoint=checkpoint
        ).exists():
            continue
        try:
            with transaction.atomic():
                CarnetReminder.objects.create(carnet=carnet, checkpoint=checkpoint)
                commitments = [
                    entry.title
                    for entry in Entry.objects.filter(
                        carnet=carnet, moment=Moment.AFTER
                    ).order_by("created_at")
                ]
                follow_up_reminder(carnet, checkpoint, commitments)
        except IntegrityError:
            continue  # another run sent it meanwhile
        sent += 1
    return sent
