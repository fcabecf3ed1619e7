"""Digest benchmark (part of ``make bench``): members per second and SQL
queries per member when the daily digest goes to many members.

``members`` members of one e-communauté each get two notifications (a reply
in a thread they follow, with its text); ``send_digests`` then builds and
queues their digests by batches of ``digests.BATCH_SIZE``, as the worker does.
Queries per member are measured on a small batch and a full one: they should
be the same (constant), whatever the number of members.
"""

import time
from datetime import UTC, datetime


def measure_digests(members):
    from django.contrib.contenttypes.models import ContentType
    from django.core import mail
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from community.members.models import Community, Membership, User
    from community.notifications import digests
    from community.notifications.choices import Frequency, Level
    from community.notifications.models import Follow, Notification
    from community.notifications.registry import event_types

    kind = next(k for k in event_types() if k.frequency == Frequency.DAILY)
    community = Community.objects.create(name="Banc des résumés", slug="banc-resumes")
    users = User.objects.bulk_create(
        [
            User(username=f"banc-resume-{i}", email=f"banc-resume-{i}@example.org")
            for i in range(members)
        ],
        batch_size=1000,
    )
    users = list(User.objects.filter(username__startswith="banc-resume-"))
    Membership.objects.bulk_create(
        [Membership(community=community, user=u) for u in users], batch_size=1000
    )
    community_type = ContentType.objects.get_for_model(community)
    Follow.objects.bulk_create(
        [
            Follow(
                user=u,
                target_type=community_type,
                target_id=community.pk,
                level=Level.WATCHING,
            )
            for u in users
        ],
        batch_size=1000,
    )
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=u,
                event_type=kind.name,
                target_type=community_type,
                target_id=community.pk,
                verb=f"Réponse {n} dans « Banc des résumés »",
                excerpt="Proposons des ateliers ouverts le samedi matin. " * 4,
                space=community.name,
                url=community.get_absolute_url(),
            )
            for u in users
            for n in (1, 2)
        ],
        batch_size=1000,
    )
    now = datetime.now(UTC)
    ids = [u.pk for u in users]
    with CaptureQueriesContext(connection) as small:
        digests.send_digests(ids[:10], Frequency.DAILY, now)
    batch = ids[10 : 10 + digests.BATCH_SIZE]
    with CaptureQueriesContext(connection) as full:
        digests.send_digests(batch, Frequency.DAILY, now)
    rest = ids[10 + digests.BATCH_SIZE :]
    started = time.perf_counter()
    sent = 0
    for start in range(0, len(rest), digests.BATCH_SIZE):
        sent += digests.send_digests(
            rest[start : start + digests.BATCH_SIZE], Frequency.DAILY, now
        )
        mail.outbox = []
    seconds = time.perf_counter() - started
    return {
        "members": len(rest),
        "sent": sent,
        "seconds": seconds,
        "members_per_s": len(rest) / seconds if seconds else 0.0,
        "queries_batch_10": len(small.captured_queries),
        "queries_batch_full": len(full.captured_queries),
        "batch_size": digests.BATCH_SIZE,
    }


def digest_rows(data):
    if not data:
        return []
    return [
        ("#Résumés de notifications (send_digests, par lots)", "", "", "", ""),
        (
            f"résumés quotidiens ({data['members']} membres, {data['sent']} envoyés)",
            f"{data['seconds']:.1f} s",
            f"{data['members_per_s']:.0f} membres/s",
            "",
            "",
        ),
        (
            f"requêtes SQL par lot (10 · {data['batch_size']} membres)",
            str(data["queries_batch_10"]),
            str(data["queries_batch_full"]),
            "",
            "constant",
        ),
    ]
