"""Registering to sessions: places, the waiting list, promotion when a place frees up.

Every change locks the session's row (``select_for_update``) inside a
transaction, so that two members asking for the last place at the same time
are served one after the other: the confirmed count never exceeds the
capacity. (SQLite has no row locks but serialises writers, which gives the
same guarantee on the embedded default.)
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.notifications import notify

from .choices import RegistrationStatus
from .models import Registration, Session
from .notifications import PROMOTED


class RegistrationError(Exception):
    """A registration that cannot be made, with the message to show."""


class SessionFull(RegistrationError):
    """No place left; the member may join the waiting list if the session has one."""

    def __init__(self, message, waiting_list):
        super().__init__(message)
        self.waiting_list = waiting_list


def _locked(session_id):
    return (
        Session.objects.select_for_update(of=("self",))
        .select_related("edition", "venue")
        .get(pk=session_id)
    )


def register(session_id, user, join_waiting_list=False):
    """Give ``user`` a place in the session, or a place in its waiting list when
    they asked for it; raise ``RegistrationError`` (nothing saved) otherwise."""
    with transaction.atomic():
        session = _locked(session_id)
        if not session.has_registration:
            raise RegistrationError(_("Cette session ne demande pas d'inscription."))
        if session.is_past:
            raise RegistrationError(_("Cette session est terminée."))
        existing = Registration.objects.filter(session=session, user=user).first()
        if existing and existing.status == RegistrationStatus.CONFIRMED:
            raise RegistrationError(_("Vous êtes déjà inscrit·e à cette session."))
        if existing and existing.status == RegistrationStatus.WAITING:
            raise RegistrationError(
                _("Vous êtes déjà sur la liste d'attente de cette session.")
            )
        confirmed = session.registrations.confirmed().count()
        now = timezone.now()
        if confirmed < session.capacity:
            status = RegistrationStatus.CONFIRMED
        elif session.waiting_list and join_waiting_list:
            status = RegistrationStatus.WAITING
        elif session.waiting_list:
            raise SessionFull(
                _(
                    "La session est complète : vous n'êtes pas inscrit·e. Vous pouvez "
                    "rejoindre la liste d'attente ; vous serez inscrit·e et prévenu·e "
                    "par courriel si une place se libère."
                ),
                waiting_list=True,
            )
        else:
            raise SessionFull(
                _("La session est complète : vous n'êtes pas inscrit·e."),
                waiting_list=False,
            )
        registration = existing or Registration(session=session, user=user)
        registration.status = status
        registration.requested_at = now
        registration.confirmed_at = (
            now if status == RegistrationStatus.CONFIRMED else None
        )
        registration.cancelled_at = None
        registration.promoted = False
        registration.save()
        return registration


def cancel(session_id, user):
    """Cancel ``user``'s place or waiting; a freed place goes to the first in
    the waiting list, who is told by e-mail."""
    with transaction.atomic():
        session = _locked(session_id)
        registration = (
            Registration.objects.active().filter(session=session, user=user).first()
        )
        if registration is None:
            raise RegistrationError(_("Vous n'êtes pas inscrit·e à cette session."))
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        fill_free_places(session)
        return registration


def fill_free_places(session):
    """Promote people from the waiting list into free places (the caller holds
    the session's lock). Returns the promoted registrations."""
    if session.capacity is None or session.is_past:
        return []
    free = session.capacity - session.registrations.confirmed().count()
    if free <= 0:
        return []
    promoted = list(session.registrations.waiting().select_related("user")[:free])
    now = timezone.now()
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
        registration.promoted = True
        registration.save(update_fields=["status", "confirmed_at", "promoted"])
        _tell_promoted(registration)  # sent once the promotion commits
    return promoted


def refill_after_capacity_change(session_id):
    """A larger capacity frees places: give them to the waiting list."""
    with transaction.atomic():
        return fill_free_places(_locked(session_id))


def _tell_promoted(registration):
    session = registration.session
    notify(
        PROMOTED,
        None,
        registration,
        recipients=[registration.user],
        context={
            "member": registration.user,
            "session": session,
            "edition": session.edition,
            "venue": session.venue,
        },
    )
