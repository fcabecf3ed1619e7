"""The carnets' activity in a member's dashboard: entries written in the
carnets they may read among their teams' and communities' — asked to the
policy, so a private entry never shows to someone outside its team."""

from django.db.models import Q
from django.utils.translation import gettext as _

from community.members import policy
from community.members.activity import ActivityItem, register_source

from .models import Entry


def carnet_entries(user, p, limit):
    if not p.authenticated:
        return []
    nearby = Q(carnet__team_id__in=p.teams) | Q(
        carnet__team__community_id__in=p.communities
    )
    entries = (
        policy.visible_to(Entry.objects.filter(nearby), user)
        .exclude(author=user)
        .select_related("carnet__team", "author")
        .order_by("-created_at")[:limit]
    )
    items = []
    for entry in entries:
        if entry.is_collective:
            text = _("Synthèse collective « %(title)s » dans le carnet de %(team)s")
        else:
            text = _("%(author)s a écrit « %(title)s » dans le carnet de %(team)s")
        items.append(
            ActivityItem(
                entry.created_at,
                text
                % {
                    "title": entry.title,
                    "team": entry.carnet.team.name,
                    "author": entry.signature(),
                },
                entry.get_absolute_url(),
            )
        )
    return items


def register():
    register_source(carnet_entries)
