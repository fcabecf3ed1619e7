"""Small builders for the carnets tests."""

from community.members.choices import CommunityAccess, MembershipRole, TeamRole
from community.members.tests.utils import (
    add_member,
    make_community,
    make_team,
    make_user,
)

from ..choices import EntryKind, Moment
from ..editing import create_entry
from ..structure import carnet_for


class World:
    """A team of a public community: two participants and a facilitator; a
    community member outside the team; a member of nothing."""

    def __init__(self, suffix="", access=CommunityAccess.PUBLIC):
        self.community = make_community(access, name=f"Communauté carnets {suffix}")
        self.alice = make_user(f"alice{suffix}")
        self.bruno = make_user(f"bruno{suffix}")
        self.facilitator = make_user(f"facilitatrice{suffix}")
        self.neighbour = make_user(f"voisine{suffix}")
        self.stranger = make_user(f"inconnu{suffix}")
        for user in (self.alice, self.bruno, self.facilitator, self.neighbour):
            add_member(self.community, user, MembershipRole.MEMBER)
        self.team = make_team(
            self.community,
            name=f"Équipe carnet {suffix}",
            members=[
                (self.alice, TeamRole.PARTICIPANT),
                (self.bruno, TeamRole.PARTICIPANT),
                (self.facilitator, TeamRole.FACILITATEUR),
            ],
        )
        self.carnet = carnet_for(self.team)


def make_entry(carnet, author, title="Une entrée", body="Un texte.", **fields):
    fields.setdefault("moment", Moment.BEFORE)
    fields.setdefault("kind", EntryKind.INDIVIDUAL)
    return create_entry(carnet, user=author, title=title, body=body, **fields)
