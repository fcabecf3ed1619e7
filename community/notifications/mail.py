"""The notifications' e-mails, through the one sender (``home.mail``).

Every message carries a one-click unsubscribe for its kind: a link in the
text that works without logging in, and the ``List-Unsubscribe`` and
``List-Unsubscribe-Post`` headers (RFC 8058) that mail clients show as a
button. Messages are queued and sent by the tasks worker.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from home.mail import send_templated_mail

from .tokens import make_token


def unsubscribe_url(user, kind):
    path = reverse("notifications:unsubscribe", args=[make_token(user, kind)])
    return settings.WAGTAILADMIN_BASE_URL + path


def absolute(url):
    if url and url.startswith("/"):
        return settings.WAGTAILADMIN_BASE_URL + url
    return url


def _send(template, user, kind, context, footer=""):
    link = unsubscribe_url(user, kind)
    send_templated_mail(
        template,
        [user.email],
        {**context, "recipient": user, "unsubscribe_url": link},
        footer=footer.replace("{link}", link) if footer else "",
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def send_immediate(notification, kind, context=None):
    """One notification, at once (the member chose « immédiatement »): the
    app's own message when it registered one (or names one in the event's
    context, ``mail_template``), with the unsubscribe link."""
    template = (context or {}).get("mail_template") or kind.mail_template
    if template:
        footer = "--\n" + _(
            "Vous recevez ce courriel pour « %(kind)s ». Pour ne plus le "
            "recevoir, en un clic :"
        ) % {"kind": kind.label}
        _send(
            template,
            notification.recipient,
            kind.name,
            {**(context or {}), "actor": notification.actor},
            footer=footer + "\n{link}",
        )
        return
    _send(
        "notifications/email/immediate",
        notification.recipient,
        kind.name,
        {
            "notification": notification,
            "kind_label": kind.label,
            "url": absolute(notification.url),
            "actor": notification.actor,
        },
    )


def send_digest(user, period, groups, count):
    """A digest: ``groups`` is a list of ``(space, [notifications])``."""
    _send(
        "notifications/email/digest",
        user,
        f"digest:{period}",
        {
            "period": period,
            "groups": [
                (space, [(n, absolute(n.url)) for n in items])
                for space, items in groups
            ],
            "count": count,
            "centre_url": absolute(reverse("notifications:centre")),
            "preferences_url": absolute(reverse("notifications:preferences")),
        },
    )
