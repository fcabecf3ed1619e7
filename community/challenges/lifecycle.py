"""Moving a défi along its lifecycle, only by the allowed transitions, with dates."""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .choices import TRANSITIONS, ChallengeStatus
from .models import ChallengePage, ChallengeStatusChange


class TransitionError(Exception):
    """A status change refused, with the message to show (nothing saved)."""


def allowed_next(status):
    return [s for s in ChallengeStatus if s in TRANSITIONS.get(status, set())]


def transition(challenge, to_status, by=None, date=None, note=""):
    """Move ``challenge`` to ``to_status`` on ``date`` (today by default).

    The status is written to the page row directly, not as a revision: it is
    not part of the editorial fiche (``ChallengePage.with_content_json``
    keeps it when a revision is published).
    """
    date = date or timezone.localdate()
    with transaction.atomic():
        current = ChallengePage.objects.select_for_update().get(pk=challenge.pk)
        if to_status not in TRANSITIONS.get(current.status, set()):
            raise TransitionError(
                _("Un défi « %(from)s » ne peut pas passer à « %(to)s ».")
                % {
                    "from": ChallengeStatus(current.status).label,
                    "to": ChallengeStatus(to_status).label,
                }
            )
        if date > timezone.localdate():
            raise TransitionError(
                _("La date d'un changement de statut ne peut pas être future.")
            )
        if current.status_changed_on and date < current.status_changed_on:
            raise TransitionError(
                _("La date doit suivre celle du statut actuel (%(date)s).")
                % {"date": date_format(current.status_changed_on, "j F Y")}
            )
        change = ChallengeStatusChange.objects.create(
            challenge=current,
            from_status=current.status,
            to_status=to_status,
            date=date,
            note=note,
            changed_by=by,
        )
        ChallengePage.objects.filter(pk=current.pk).update(
            status=to_status, status_changed_on=date
        )
        challenge.status = to_status
        challenge.status_changed_on = date
        return change
