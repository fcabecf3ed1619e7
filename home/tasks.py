"""Background work of the site shell (Django's tasks API): sending e-mail.

``home.mail.send_templated_mail`` queues one ``send_mail_task`` per recipient
after commit; the worker (``manage.py db_worker``) sends it. A mail server
that refuses or cannot be reached is tried again later (up to
``MAIL_ATTEMPTS`` times, waiting longer each time) when the queue can defer
work; the last failure stays in the task's result, with its traceback.
"""

import logging
import smtplib
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from django_tasks import task

logger = logging.getLogger(__name__)

MAIL_ATTEMPTS = 5
MAIL_RETRY_DELAY = timedelta(minutes=2)


@task()
def send_mail_task(subject, body, from_email, to, html=None, attempt=1, headers=None):
    """Send one rendered message to one address."""
    message = EmailMultiAlternatives(subject, body, from_email, [to], headers=headers)
    if html:
        message.attach_alternative(html, "text/html")
    try:
        message.send()
    except (OSError, smtplib.SMTPException):
        backend = send_mail_task.get_backend()
        if attempt >= MAIL_ATTEMPTS or not backend.supports_defer:
            raise
        logger.warning(
            "Courriel « %s » non envoyé (essai %s sur %s) : nouvel essai plus tard.",
            subject,
            attempt,
            MAIL_ATTEMPTS,
            exc_info=True,
        )
        send_mail_task.using(
            run_after=timezone.now() + MAIL_RETRY_DELAY * attempt
        ).enqueue(
            subject=subject,
            body=body,
            from_email=from_email,
            to=to,
            html=html,
            attempt=attempt + 1,
            headers=headers,
        )
