"""Models of the events app. Imports point one way: ``venues`` ← ``editions``
← ``programme``, ``calls``; none of them imports the challenges app (which
sits above: a défi names its édition and site).

Re-exported explicitly so that ``from community.events.models import X`` works.
"""

from .calls import (
    CallForContributionsPage,
    Proposal,
    ProposalComment,
    ProposalSpeaker,
    ProposalStatusChange,
    Rencontre,
)
from .editions import EditionMilestone, EditionPage, EditionSite, EventIndexPage
from .programme import CalendarFeed, Registration, Session
from .venues import Venue

__all__ = [
    "CalendarFeed",
    "CallForContributionsPage",
    "EditionMilestone",
    "EditionPage",
    "EditionSite",
    "EventIndexPage",
    "Proposal",
    "ProposalComment",
    "ProposalSpeaker",
    "ProposalStatusChange",
    "Registration",
    "Rencontre",
    "Session",
    "Venue",
]
