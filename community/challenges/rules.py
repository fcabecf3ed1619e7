"""Who may do what with a défi, as a rule of the one policy.

A défi page is read like any page. Beyond Wagtail's editors:

- its porteurs and facilitateurs who have an account, and the members of its
  équipes apprenantes, *contribute*: they fill in the étapes, the exposition
  and follow-up news;
- its porteurs and facilitateurs (and those who may publish the page)
  *moderate*: they move its status along the lifecycle.
"""

from community.members import policy
from community.members.rules import PageRule

from .models import ChallengePage


def _people(obj):
    return {p.member_id for p in obj.people.all() if p.member_id}


class ChallengeRule(PageRule):
    def can_contribute(self, user, p, obj):
        if not (p.authenticated and self.can_view(user, p, obj)):
            return False
        if p.superuser or p.user_id in _people(obj):
            return True
        if p.teams and set(obj.teams.values_list("pk", flat=True)) & p.teams:
            return True
        return self.can_edit(user, p, obj)

    def can_moderate(self, user, p, obj):
        if not p.authenticated:
            return False
        return (
            p.superuser
            or p.user_id in _people(obj)
            or super().can_moderate(user, p, obj)
        )


def register():
    policy.register(ChallengePage, ChallengeRule)
