"""Recent activity in a member's spaces, gathered from every app that has some.

Each app registers a *source*: ``(user, principals, limit) -> [ActivityItem]``
of things that happened in the member's communities and teams, with
``register_source(function)`` from its ``activity.register()`` called by its
``AppConfig.ready()``. Discussions and carnets register theirs; this app
reports arrivals and new teams.
"""

from dataclasses import dataclass
from datetime import datetime

from . import policy

_sources = []


@dataclass
class ActivityItem:
    when: datetime
    text: str
    url: str = ""


def register_source(function):
    if function not in _sources:
        _sources.append(function)
    return function


def recent_activity(user, limit=15):
    p = policy.principals(user)
    items = []
    for source in _sources:
        items.extend(source(user, p, limit))
    return sorted(items, key=lambda item: item.when, reverse=True)[:limit]


def arrivals_and_teams(user, p, limit):
    from django.utils.translation import gettext as _

    from .models import LearningTeam, Membership

    items = [
        ActivityItem(
            m.joined_at,
            _("%(member)s a rejoint « %(community)s »")
            % {"member": m.user, "community": m.community},
            m.community.get_absolute_url(),
        )
        for m in Membership.objects.filter(community_id__in=p.communities)
        .exclude(user=user)
        .select_related("user", "community")
        .order_by("-joined_at")[:limit]
    ]
    items += [
        ActivityItem(
            t.created_at,
            _("Nouvelle équipe apprenante « %(team)s » dans « %(community)s »")
            % {"team": t.name, "community": t.community},
            t.get_absolute_url(),
        )
        for t in LearningTeam.objects.filter(community_id__in=p.communities)
        .select_related("community")
        .order_by("-created_at")[:limit]
    ]
    return items


def register():
    register_source(arrivals_and_teams)
