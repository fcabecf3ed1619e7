"""Models of the défis app. Imports point one way: ``pages`` ← ``progress``;
both may import the events app (a défi names its édition and site) and
members, never the reverse.

Re-exported explicitly so that ``from community.challenges.models import X`` works.
"""

from .pages import (
    ChallengeIndexPage,
    ChallengePage,
    ChallengePerson,
    ChallengeRelatedResource,
)
from .progress import (
    ChallengeExposition,
    ChallengeNews,
    ChallengeStatusChange,
    ChallengeStepSummary,
)

__all__ = [
    "ChallengeExposition",
    "ChallengeIndexPage",
    "ChallengeNews",
    "ChallengePage",
    "ChallengePerson",
    "ChallengeRelatedResource",
    "ChallengeStatusChange",
    "ChallengeStepSummary",
]
