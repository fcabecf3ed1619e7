"""How the apps at the bottom of the layers (``members``) publish an event to
the notifications app above them, which they may not import.

``publish(event_type, actor, target, recipients, context, mail_template)``
hands the event to the publisher the notifications app sets from its
``ready()`` (``set_publisher(notify)``): it decides who hears of it and how
(centre, e-mail at once or in a digest, per the member's choice). Without a
publisher, each recipient gets ``mail_template`` through the one mail sender,
as before. The apps above ``notifications`` call its ``notify`` directly.
"""

from .mail import send_templated_mail

_publisher = None


def set_publisher(function):
    global _publisher
    _publisher = function


def publish(event_type, actor, target, recipients, context, mail_template):
    recipients = [user for user in recipients if user is not None]
    if _publisher is not None:
        _publisher(event_type, actor, target, recipients=recipients, context=context)
        return
    for user in recipients:
        send_templated_mail(mail_template, [user.email], {**context, "recipient": user})
