"""Discussions' models. Imports point one way: threads ← comments ←
reactions, moderation, mentions.

Re-exported explicitly so that ``from community.discussions.models import X`` works.
"""

from .comments import Comment, Revision
from .mentions import Mention
from .moderation import ModerationDecision, Report
from .reactions import Reaction
from .threads import Thread, ThreadVisit

__all__ = [
    "Comment",
    "Mention",
    "ModerationDecision",
    "Reaction",
    "Report",
    "Revision",
    "Thread",
    "ThreadVisit",
]
