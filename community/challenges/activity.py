"""The défis of a member's équipes apprenantes, in their dashboard: status
changes and follow-up news. ``register()`` is called from
``ChallengesConfig.ready()``."""

from django.utils.translation import gettext as _

from community.members import policy
from community.members.activity import ActivityItem, register_source

from .models import ChallengeNews, ChallengePage, ChallengeStatusChange


def challenge_activity(user, p, limit):
    if not p.teams:
        return []
    # Only défis the member may view (one behind a restriction stays unnamed).
    visible = policy.visible_to(ChallengePage.objects.all(), user)
    changes = (
        ChallengeStatusChange.objects.filter(
            challenge__teams__in=p.teams, challenge__in=visible
        )
        .select_related("challenge")
        .order_by("-recorded_at")
        .distinct()[:limit]
    )
    news = (
        ChallengeNews.objects.filter(
            challenge__teams__in=p.teams, challenge__in=visible
        )
        .select_related("challenge")
        .order_by("-created_at")
        .distinct()[:limit]
    )
    items = [
        ActivityItem(
            change.recorded_at,
            _("Le défi « %(challenge)s » est maintenant « %(status)s »")
            % {
                "challenge": change.challenge.title,
                "status": change.get_to_status_display(),
            },
            change.challenge.url,
        )
        for change in changes
    ]
    items += [
        ActivityItem(
            item.created_at,
            _("Nouvelle du défi « %(challenge)s » : %(title)s")
            % {"challenge": item.challenge.title, "title": item.title},
            item.challenge.url,
        )
        for item in news
    ]
    return items


def register():
    register_source(challenge_activity)
