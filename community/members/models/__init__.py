"""Members' models. Imports point one way: users ← communities ← teams; pages last.

Re-exported explicitly so that ``from community.members.models import X`` works.
"""

from .communities import Community, Invitation, Membership, MembershipRequest
from .pages import CommunityIndexPage
from .teams import LearningTeam, TeamJoinRequest, TeamMembership
from .users import Profile, ProfileLink, TermsConsent, User

__all__ = [
    "Community",
    "CommunityIndexPage",
    "Invitation",
    "LearningTeam",
    "Membership",
    "MembershipRequest",
    "Profile",
    "ProfileLink",
    "TeamJoinRequest",
    "TeamMembership",
    "TermsConsent",
    "User",
]
