"""Models of the carnets app. Imports point one way: ``guides`` ← ``carnets``;
``facilitators`` stands apart. They may import members, events, challenges
and resources (below this app), never the reverse.

Re-exported explicitly so that ``from community.carnets.models import X`` works.
"""

from .carnets import (
    Attachment,
    Carnet,
    CarnetReminder,
    Entry,
    EntryRevision,
    ShareLink,
    sharing_q,
)
from .comments import EntryComment
from .facilitators import FacilitatorCarnet, FacilitatorStep
from .guides import CarnetGuide, CarnetPrompt

__all__ = [
    "Attachment",
    "Carnet",
    "CarnetGuide",
    "CarnetPrompt",
    "CarnetReminder",
    "Entry",
    "EntryComment",
    "EntryRevision",
    "FacilitatorCarnet",
    "FacilitatorStep",
    "ShareLink",
    "sharing_q",
]
