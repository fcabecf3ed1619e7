"""The spaces of ``members`` that members follow: communities and teams. A
team is a space of its own (following a community does not follow its teams)."""

from community.members.models import Community, LearningTeam

from .registry import register_followable


def register():
    register_followable(Community)
    register_followable(LearningTeam)
