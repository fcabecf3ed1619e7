"""Who may still see a target, for many members at once, asked to the policy.

The policy's principals (memberships, teams, groups) of many members are read
in three queries and cached on each user, as ``policy.principals`` would for
one; a target's ``policy.audience`` (its viewers' tokens) is then met against
each member's tokens. This is the policy's own answer (``audience`` says the
same as ``can_view``, which the policy matrix checks), read in bulk: a reply
in a thread followed by a thousand members costs no query per member.
"""

from collections import defaultdict

from community.members import policy
from community.members.choices import MembershipRole, TeamRole
from community.members.models import Membership, TeamMembership, User


def load_principals(users):
    """Cache the policy's principals on each of ``users`` (three queries)."""
    users = [u for u in users if not hasattr(u, "_policy_principals")]
    if not users:
        return
    ids = [u.pk for u in users]
    communities, animated = defaultdict(set), defaultdict(set)
    for user_id, community_id, role in Membership.objects.filter(
        user_id__in=ids
    ).values_list("user_id", "community_id", "role"):
        communities[user_id].add(community_id)
        if role == MembershipRole.ANIMATEUR:
            animated[user_id].add(community_id)
    teams, facilitated = defaultdict(set), defaultdict(set)
    for user_id, team_id, role in TeamMembership.objects.filter(
        user_id__in=ids
    ).values_list("user_id", "team_id", "role"):
        teams[user_id].add(team_id)
        if role == TeamRole.FACILITATEUR:
            facilitated[user_id].add(team_id)
    groups = defaultdict(set)
    for user_id, group_id in User.groups.through.objects.filter(
        user_id__in=ids
    ).values_list("user_id", "group_id"):
        groups[user_id].add(group_id)
    for user in users:
        if not user.is_active:
            user._policy_principals = policy.ANONYMOUS
            continue
        user._policy_principals = policy.Principals(
            user_id=user.pk,
            authenticated=True,
            superuser=user.is_superuser,
            communities=frozenset(communities[user.pk]),
            animated=frozenset(animated[user.pk]),
            teams=frozenset(teams[user.pk]),
            facilitated=frozenset(facilitated[user.pk]),
            groups=frozenset(groups[user.pk]),
        )


class Audiences:
    """Each target's audience, read once (targets shared by many members)."""

    def __init__(self):
        self._known = {}

    def of(self, obj):
        key = (type(obj), obj.pk)
        if key not in self._known:
            try:
                self._known[key] = frozenset(policy.audience(obj))
            except LookupError:
                # No rule: nobody but those named by the event may hear of it.
                self._known[key] = frozenset()
        return self._known[key]

    def may_view(self, user, obj):
        return bool(self.of(obj) & set(policy.tokens_for(user)))
