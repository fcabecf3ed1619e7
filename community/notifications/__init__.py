"""Notifications: follows, an in-app centre and e-mail digests.

The apps above this one (events, défis, discussions, carnets) only *publish*
what happens — ``notify(event_type, actor, target, recipients=…, context=…)``
— after registering their event types and followable models from their
``ready()`` (``register_event_type``, ``register_followable``). This app
decides who hears of it (follows, levels, the permission policy at send time),
how (the centre, an e-mail at once, a daily or weekly digest) and when. It
imports ``community.members`` and ``home`` only.
"""


def notify(event_type, actor, target, recipients=(), context=None):
    from .publishing import notify as _notify

    return _notify(event_type, actor, target, recipients=recipients, context=context)


def register_event_type(name, label, **options):
    from .registry import register_event_type as _register

    return _register(name, label, **options)


def register_followable(model, parents=None):
    from .registry import register_followable as _register

    return _register(model, parents)


__all__ = ["notify", "register_event_type", "register_followable"]
