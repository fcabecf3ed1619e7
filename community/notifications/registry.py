"""What apps tell the notifications: their event types and their followables.

Each app, from its ``ready()``, registers

- its **event types**: ``register_event_type("discussions.reply", label=…,
  personal=…, frequency=…, followables=…, auto_follow=…)``. ``label`` is the
  French name shown in the preferences; ``personal`` says the event is *about*
  its recipients (a reply to them, a decision on their request): members at
  the *normal* level receive those, only *suivi* members receive the others;
  ``frequency`` is the default e-mail frequency (immediate for decisions about
  the member, a daily digest for activity); ``followables(target, context)``
  gives the followed objects the event happens in, nearest first (a comment's
  thread, then the thread's space); ``auto_follow(actor, target, context)``
  the objects the actor now follows (what they started or replied to);
  ``check_visibility`` (default true) whether recipients must still be able to
  view ``target`` at send time (a moderation decision reaches its author even
  when their post is hidden); ``describe(actor, target, context)`` what the
  notification says, a dict of ``verb`` (« Camille a répondu dans … »),
  ``excerpt`` (the content itself: digests carry it), ``space`` (where, to
  group a digest) and ``url`` (the exact place: a comment's anchor) — by
  default read from ``context``; ``watchers_as`` the kind that those who
  only *follow* the place get instead (a reply *to me* is personal and
  immediate by default; the same reply seen as a thread's follower is
  activity, in the daily digest by default); ``mail_template`` the app's own
  e-mail (``home.mail`` template pair, rendered with the event's context) sent
  instead of the generic one when the member wants it at once; ``to_watchers``
  (default true) whether *suivi* followers hear of it at all (a mention is
  for the members it names: the place's follows only mute it);
- its **followable models**: ``register_followable(Model, parents=…)``, where
  ``parents(obj)`` gives the spaces the object sits in (a thread's community),
  so that following a space follows what happens in it.

Nothing registers at import time.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from .choices import Frequency


@dataclass(frozen=True)
class EventType:
    name: str
    label: Any
    personal: bool = False
    frequency: str = Frequency.DAILY
    followables: Callable | None = None
    auto_follow: Callable | None = None
    check_visibility: bool = True
    describe: Callable | None = None
    watchers_as: str = ""
    mail_template: str = ""
    to_watchers: bool = True


_event_types: dict[str, EventType] = {}
_followables: dict[type, Callable] = {}


def register_event_type(
    name,
    label,
    *,
    personal=False,
    frequency=None,
    followables=None,
    auto_follow=None,
    check_visibility=True,
    describe=None,
    watchers_as="",
    mail_template="",
    to_watchers=True,
):
    if "." not in name:
        raise ImproperlyConfigured(
            f"Type de notification {name!r} : « application.événement » attendu."
        )
    if frequency is None:
        frequency = Frequency.IMMEDIATE if personal else Frequency.DAILY
    if frequency not in Frequency.values:
        raise ImproperlyConfigured(f"{name} : fréquence inconnue {frequency!r}.")
    event_type = EventType(
        name,
        label,
        personal,
        frequency,
        followables,
        auto_follow,
        check_visibility,
        describe,
        watchers_as,
        mail_template,
        to_watchers,
    )
    _event_types[name] = event_type
    return event_type


def event_type(name):
    """The registered event type ``name`` (``LookupError`` if there is none)."""
    try:
        return _event_types[name]
    except KeyError:
        raise LookupError(f"Type de notification inconnu : {name}") from None


def event_types():
    """Every registered event type, sorted by name."""
    return [_event_types[name] for name in sorted(_event_types)]


def register_followable(model, parents=None):
    """Members may follow ``model``'s objects; ``parents(obj)`` gives the
    spaces the object sits in (nearest first)."""
    _followables[model] = parents or (lambda obj: [])
    return model


def is_followable(obj_or_model):
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    return any(klass in _followables for klass in model.__mro__)


def chain(objects):
    """``objects`` then their parents (then theirs), nearest first, each once."""
    seen, result, todo = set(), [], list(objects)
    while todo:
        item = todo.pop(0)
        if item is None:
            continue
        key = (type(item), item.pk)
        if key in seen:
            continue
        seen.add(key)
        result.append(item)
        for klass in type(item).__mro__:
            if klass in _followables:
                todo.extend(_followables[klass](item))
                break
    return result


def unregister_event_type(name):
    """Forget an event type (tests clean up after themselves)."""
    _event_types.pop(name, None)
