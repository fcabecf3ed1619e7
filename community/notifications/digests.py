"""Daily and weekly digests: what a member has not seen yet, with its content.

The scheduler's job ``notifications_digests`` (every 15 minutes) finds the
members whose digest is due — the daily one at ``DIGEST_HOUR`` in *their*
timezone, once per local day; the weekly one on Monday at that hour — and
hands them to the tasks worker in batches of ``BATCH_SIZE``. A digest holds
the notifications of the kinds the member wants in that digest that are
**neither read in the app nor e-mailed yet**, whose target they **may still
view** (asked to the policy now; deleted targets are skipped), grouped by
space, each with who, what, an excerpt and a link. With nothing left, no
e-mail: a digest is never empty. A member's batch costs the same number of
queries whatever its size.
"""

import zoneinfo
from collections import defaultdict
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from community.members.models import User

from . import registry
from .audience import Audiences, load_principals
from .choices import Frequency, MemberTimezone
from .mail import send_digest
from .models import KindPreference, Notification, NotificationSettings

DIGEST_HOUR = 8
BATCH_SIZE = 200
#: How far back a digest looks (older unread notifications stay in the centre).
WINDOW = {Frequency.DAILY: timedelta(days=2), Frequency.WEEKLY: timedelta(days=8)}
LAST_FIELD = {
    Frequency.DAILY: "last_daily_digest_at",
    Frequency.WEEKLY: "last_weekly_digest_at",
}


def local_zone(name):
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(MemberTimezone.PARIS)


def is_due(period, now, zone_name, last):
    """Whether ``period``'s digest is due at ``now`` for a member of that zone
    whose previous one left at ``last``."""
    zone = local_zone(zone_name)
    local = now.astimezone(zone)
    if local.hour < DIGEST_HOUR:
        return False
    if period == Frequency.WEEKLY and local.weekday() != 0:
        return False
    if last is None:
        return True
    previous = last.astimezone(zone).date()
    if period == Frequency.WEEKLY:
        return (local.date() - previous).days >= 7
    return previous < local.date()


def due_members(period, now=None):
    """Ids of the members with pending notifications whose digest is due."""
    now = now or timezone.now()
    candidates = set(
        Notification.objects.pending_mail()
        .filter(created_at__gte=now - WINDOW[period])
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    if not candidates:
        return []
    settings_of = {
        s["user_id"]: s
        for s in NotificationSettings.objects.filter(user_id__in=candidates).values(
            "user_id", "timezone", LAST_FIELD[period]
        )
    }
    due = []
    for pk in sorted(candidates):
        row = settings_of.get(pk, {})
        if is_due(
            period,
            now,
            row.get("timezone", MemberTimezone.PARIS),
            row.get(LAST_FIELD[period]),
        ):
            due.append(pk)
    return due


def send_digests(user_ids, period, now=None):
    """Send ``period``'s digest to each of ``user_ids`` that has something to
    say; return how many were sent. Queries do not grow with the batch."""
    now = now or timezone.now()
    users = list(User.objects.filter(pk__in=user_ids, is_active=True, is_deleted=False))
    if not users:
        return 0
    ids = [user.pk for user in users]
    pending = list(
        Notification.objects.pending_mail()
        .filter(recipient_id__in=ids, created_at__gte=now - WINDOW[period])
        .select_related("actor")
        .order_by("created_at", "pk")
    )
    chosen = defaultdict(dict)
    for user_id, kind, frequency in KindPreference.objects.filter(
        user_id__in=ids
    ).values_list("user_id", "event_type", "frequency"):
        chosen[user_id][kind] = frequency
    targets = _targets(pending)
    load_principals(users)
    audiences = Audiences()
    by_user = defaultdict(list)
    for notification in pending:
        try:
            kind = registry.event_type(notification.event_type)
        except LookupError:
            continue
        frequency = chosen[notification.recipient_id].get(kind.name, kind.frequency)
        if frequency != period:
            continue
        if notification.target_type_id is not None:
            target = targets.get((notification.target_type_id, notification.target_id))
            if target is None:
                continue  # deleted since
            by_user[notification.recipient_id].append((notification, target, kind))
        else:
            by_user[notification.recipient_id].append((notification, None, kind))
    sent_ids, sent_users, sent = [], [], 0
    for user in users:
        items = [
            notification
            for notification, target, kind in by_user.get(user.pk, ())
            if target is None
            or not kind.check_visibility
            or audiences.may_view(user, target)
        ]
        if items:
            send_digest(user, period, _grouped(items), len(items))
            sent_ids.extend(n.pk for n in items)
            sent += 1
        sent_users.append(user.pk)
    with transaction.atomic():
        Notification.objects.filter(pk__in=sent_ids).update(emailed_at=now)
        _record(sent_users, period, now)
    return sent


def _record(user_ids, period, now):
    """Remember that these members' digest left (or had nothing to say) now."""
    field = LAST_FIELD[period]
    existing = set(
        NotificationSettings.objects.filter(user_id__in=user_ids).values_list(
            "user_id", flat=True
        )
    )
    NotificationSettings.objects.filter(user_id__in=existing).update(**{field: now})
    NotificationSettings.objects.bulk_create(
        [
            NotificationSettings(user_id=pk, **{field: now})
            for pk in user_ids
            if pk not in existing
        ],
        ignore_conflicts=True,
    )


def _targets(notifications):
    """``{(type_id, id): object}`` of the notifications' targets that still
    exist: one query per kind of target."""
    wanted = defaultdict(set)
    for n in notifications:
        if n.target_type_id is not None:
            wanted[n.target_type_id].add(n.target_id)
    found = {}
    for type_id, pks in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        for obj in model._default_manager.filter(pk__in=pks):
            found[(type_id, obj.pk)] = obj
    return found


def _grouped(notifications):
    groups = defaultdict(list)
    for notification in notifications:
        groups[notification.space].append(notification)
    return sorted(groups.items(), key=lambda item: (item[0] == "", item[0]))


def run_digests(now=None):
    """The periodic job: queue the due digests, by batches, for the worker."""
    from .tasks import send_digests_task

    now = now or timezone.now()
    queued = 0
    for period in (Frequency.DAILY, Frequency.WEEKLY):
        due = due_members(period, now)
        for start in range(0, len(due), BATCH_SIZE):
            send_digests_task.enqueue(
                due[start : start + BATCH_SIZE], period, now.isoformat()
            )
        queued += len(due)
    return f"{queued} résumé(s) de notifications à préparer" if queued else ""
