"""``notify()``: the one way an app tells members that something happened.

An app publishes an event; this module decides who hears of it and how:

1. the **recipients**: those the event names (the author replied to, the
   members mentioned, the person whose request was decided) unless they muted
   the place, and those who follow the place at the *suivi* level (the event's
   followables, then their parents: a comment's thread, then its space; the
   nearest follow decides);
2. filtered **at send time by the policy**: only active members who may still
   view the target (``audience.py``), never the actor;
3. one ``Notification`` each, **created in bulk** (a thousand followers cost
   the same few queries as one);
4. an **e-mail at once** for those who chose « immédiatement » for this kind
   (the others get it in their digest, or never), each with its one-click
   unsubscribe link and ``List-Unsubscribe`` headers;
5. the **automatic follows** the event type asks for (what the actor started
   or replied to).

It all happens after the transaction commits (``transaction.on_commit``): a
rolled-back change tells nobody.
"""

import logging
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from community.members.models import User

from . import registry
from .audience import Audiences, load_principals
from .choices import Frequency, Level
from .mail import send_immediate
from .models import Follow, KindPreference, Notification

logger = logging.getLogger(__name__)

EXCERPT_LENGTH = 400


def notify(event_type, actor, target, recipients=(), context=None):
    """Publish ``event_type`` (registered by its app) about ``target``, done by
    ``actor``, naming ``recipients``; delivered after the transaction commits."""
    transaction.on_commit(
        partial(deliver, event_type, actor, target, list(recipients), context or {}),
        robust=True,
    )


def follow_levels(objects):
    """``{user_id: level}`` of the follows of ``objects`` (nearest first: the
    first object a member follows decides their level). One query."""
    objects = [obj for obj in objects if obj is not None and obj.pk is not None]
    if not objects:
        return {}
    order = {}
    query = Q()
    for rank, obj in enumerate(objects):
        ct = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        order[(ct.pk, obj.pk)] = rank
        query |= Q(target_type=ct, target_id=obj.pk)
    levels = {}
    ranks = {}
    for user_id, type_id, target_id, level in Follow.objects.filter(query).values_list(
        "user_id", "target_type_id", "target_id", "level"
    ):
        rank = order.get((type_id, target_id))
        if rank is None:
            continue
        if user_id not in ranks or rank < ranks[user_id]:
            ranks[user_id], levels[user_id] = rank, level
    return levels


def describe(kind, actor, target, context):
    """What the notification says: ``verb``, ``excerpt``, ``space``, ``url``."""
    if kind.describe is not None:
        context = {**context, **kind.describe(actor, target, context)}
    text = context.get("excerpt") or ""
    text = " ".join(str(text).split())
    if len(text) > EXCERPT_LENGTH:
        text = text[: EXCERPT_LENGTH - 1].rstrip() + "…"
    return {
        "verb": str(context.get("verb") or kind.label)[:300],
        "excerpt": text,
        "space": str(context.get("space") or "")[:200],
        "url": str(context.get("url") or "")[:500],
    }


def frequencies(user_ids, kind):
    """``{user_id: frequency}`` for ``kind`` (default for those who kept it)."""
    chosen = dict(
        KindPreference.objects.filter(
            user_id__in=user_ids, event_type=kind.name
        ).values_list("user_id", "frequency")
    )
    return {pk: chosen.get(pk, kind.frequency) for pk in user_ids}


def deliver(event_type, actor, target, recipients, context, mail=True):
    """Create the notifications now (see the module's docstring); return them.
    ``mail=False`` writes them without any e-mail (the demo content)."""
    try:
        kind = registry.event_type(event_type)
    except LookupError:
        logger.error("Notification d'un type inconnu ignorée : %s", event_type)
        return []
    followables = kind.followables(target, context) if kind.followables else [target]
    places = registry.chain(followables) if followables else []
    levels = follow_levels(places)
    named = {user.pk for user in recipients if user is not None}
    wanted = {
        pk
        for pk in named | set(levels)
        if (kind.to_watchers and levels.get(pk) == Level.WATCHING)
        or (pk in named and levels.get(pk) != Level.MUTED)
    }
    if actor is not None:
        wanted.discard(actor.pk)
    users = list(User.objects.filter(pk__in=wanted, is_active=True, is_deleted=False))
    if kind.check_visibility and target is not None:
        load_principals(users)
        audiences = Audiences()
        users = [user for user in users if audiences.may_view(user, target)]
    watcher_kind = kind
    if kind.watchers_as:
        try:
            watcher_kind = registry.event_type(kind.watchers_as)
        except LookupError:
            logger.error(
                "watchers_as inconnu pour %s : %s", kind.name, kind.watchers_as
            )
    what = describe(kind, actor, target, context)
    created = []
    for group_kind, group in (
        (kind, [user for user in users if user.pk in named]),
        (watcher_kind, [user for user in users if user.pk not in named]),
    ):
        if group:
            created += _create(group_kind, actor, target, group, what, context, mail)
    _auto_follow(kind, actor, target, context)
    return created


def _create(kind, actor, target, users, what, context, mail):
    now = timezone.now()
    chosen = frequencies([user.pk for user in users], kind)
    target_type = (
        ContentType.objects.get_for_model(target, for_concrete_model=False)
        if target is not None
        else None
    )
    notifications = [
        Notification(
            recipient=user,
            event_type=kind.name,
            actor=actor,
            target_type=target_type,
            target_id=getattr(target, "pk", None),
            emailed_at=now
            if not mail or chosen[user.pk] == Frequency.IMMEDIATE
            else None,
            **what,
        )
        for user in users
    ]
    Notification.objects.bulk_create(notifications, batch_size=500)
    for notification in notifications:
        if mail and notification.emailed_at is not None:
            send_immediate(notification, kind, context)
    return notifications


def _auto_follow(kind, actor, target, context):
    if kind.auto_follow is None:
        return
    follows = []
    for user, obj in kind.auto_follow(actor, target, context) or ():
        if user is None or obj is None or not registry.is_followable(obj):
            continue
        follows.append(
            Follow(
                user=user,
                target_type=ContentType.objects.get_for_model(
                    obj, for_concrete_model=False
                ),
                target_id=obj.pk,
                level=Level.WATCHING,
                automatic=True,
            )
        )
    # A member's own choice (even « silencieux ») is never overwritten.
    Follow.objects.bulk_create(follows, ignore_conflicts=True)
