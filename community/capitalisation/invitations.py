"""Inviting participants to evaluate, once the subject has ended.

A periodic job (``home.scheduler``) looks every 15 minutes for sessions,
défi workshops and éditions that ended in the last
``EVALUATION_INVITATION_WINDOW`` days and whose invitations were not sent
yet (``InvitationRun``, one per subject), and sends them. Mail goes through
``invite()`` alone, so that it can move onto the notifications app's
``notify()`` in one place.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from community.events.models import EditionPage

from .evaluations import subjects_of
from .models import EvaluationForm, EvaluationReceipt, InvitationRun

JOB_NAME = "capitalisation_evaluation_invitations"


def window():
    return timedelta(days=getattr(settings, "EVALUATION_INVITATION_WINDOW", 14))


def invite(subject, users):
    """Send the invitation to evaluate ``subject`` to ``users``; the number sent.

    The one place that sends mail in this app (to move onto ``notify``)."""
    from home.mail import send_templated_mail

    return send_templated_mail(
        "capitalisation/email/evaluation_invitation",
        [user.email for user in users],
        {
            "subject_title": subject.title,
            "edition": subject.edition.title,
            "path": reverse("capitalisation:evaluate", args=subject.url_args),
        },
    )


def send_invitations(now=None):
    """Invite the participants of every subject that has just ended."""
    now = now or timezone.now()
    since = now - window()
    editions = EditionPage.objects.live().exclude(evaluation_form__is_open=False)
    done = set(InvitationRun.objects.values_list("subject", flat=True))
    sent = 0
    for edition in editions:
        if edition.last_date < since.date() - timedelta(days=1):
            continue  # ended long ago: nothing of it can have just ended
        for subject in subjects_of(edition):
            if subject.key in done:
                continue
            end = subject.ends_at()
            if end is None or not since <= end <= now:
                continue
            answered = EvaluationReceipt.objects.filter(subject=subject.key)
            users = list(
                subject.participants().exclude(pk__in=answered.values("user_id"))
            )
            try:
                with transaction.atomic():
                    form = EvaluationForm.for_edition(edition)
                    run = InvitationRun.objects.create(form=form, subject=subject.key)
                    run.recipients = invite(subject, users) if users else 0
                    run.save(update_fields=["recipients"])
            except IntegrityError:  # another scheduler sent them meanwhile
                continue
            sent += run.recipients
    return f"{sent} invitation(s) à évaluer envoyée(s)" if sent else ""


def register():
    from home.scheduler import register_periodic

    register_periodic(JOB_NAME, every=timedelta(minutes=15), function=send_invitations)
