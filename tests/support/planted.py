"""The policy matrix's world (tests/test_policy_matrix.py): personas, and
objects planted for every model that has a permission rule or a search adapter.

``PLANTERS`` maps each such model to a function ``plant(world)`` that creates
its cases — public, restricted, secret, draft… — and returns them as
``{label: object}``. A new app that registers a rule (``policy.register``) or
a search adapter (``search.registry.register``) adds its planter here: the
matrix then checks, for every persona and every case, that ``can_view``,
``visible_to``, the search audience and the search itself agree, and fails
while a registered model has no planter. A rule registered on an abstract
base (Wagtail's ``AbstractDocument``) is covered by a planter of a concrete
subclass.
"""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

from community.challenges.models import ChallengePage
from community.events.choices import ProposalStatus, RegistrationStatus, SessionKind
from community.events.models import (
    CallForContributionsPage,
    Proposal,
    ProposalComment,
    Registration,
    Session,
)
from community.members.choices import CommunityAccess, MembershipRole, TeamRole
from community.members.models import Community, LearningTeam, User
from community.members.tests.utils import (
    add_member,
    make_community,
    make_editor,
    make_team,
    make_user,
)

PERSONAS = (
    "anonymous",
    "outsider",  # logged in, belongs to nothing
    "member",  # member of every planted community
    "animateur",  # animateur of every planted community
    "team_member",  # participant of every planted team (not of the communities)
    "facilitator",  # facilitateur of every planted team
    "group_member",  # in the group of restricted pages/collections and committee
    "editor",  # Wagtail editor (page permissions on the whole site)
    "superuser",
)


@dataclass
class World:
    word: str  # in every planted title, for the search check
    people: dict = field(default_factory=dict)
    group: Group | None = None
    communities: dict = field(default_factory=dict)  # access -> Community
    teams: dict = field(default_factory=dict)  # access -> LearningTeam
    planted: dict = field(default_factory=dict)  # planter -> its cases

    def plant(self, planter):
        """``planter``'s cases, planted once in this world (a planter may
        build on another's: comments on the proposals)."""
        if planter not in self.planted:
            self.planted[planter] = planter(self)
        return self.planted[planter]

    def title(self, label):
        return f"{label} {self.word}"

    def slug(self, label):
        from django.utils.text import slugify

        return slugify(f"{label}-{self.word}")


def make_world():
    word = f"quokka{uuid.uuid4().hex[:8]}"
    world = World(word=word)
    people = {"anonymous": None}
    for persona in PERSONAS[1:]:
        name = f"{persona.replace('_', '-')}-{word}"
        if persona == "editor":
            people[persona] = make_editor(name)
        elif persona == "superuser":
            people[persona] = make_user(name, is_superuser=True, is_staff=True)
        else:
            people[persona] = make_user(name)
    world.people = people
    world.group = Group.objects.create(name=f"Groupe {word}")
    people["group_member"].groups.add(world.group)
    for access in CommunityAccess.values:
        community = make_community(access, name=world.title(f"Communauté {access}"))
        add_member(community, people["member"])
        add_member(community, people["animateur"], MembershipRole.ANIMATEUR)
        world.communities[access] = community
        world.teams[access] = make_team(
            community,
            name=world.title(f"Équipe {access}"),
            members=[
                (people["team_member"], TeamRole.PARTICIPANT),
                (people["facilitator"], TeamRole.FACILITATEUR),
            ],
        )
    return world


# --- Planters ---------------------------------------------------------------


def communities(world):
    return {f"{access} community": c for access, c in world.communities.items()}


def teams(world):
    return {f"team of a {access} community": t for access, t in world.teams.items()}


def members(world):
    active = make_user(f"actif-{world.word}")
    inactive = make_user(f"inactif-{world.word}", is_active=False)
    deleted = make_user(f"supprime-{world.word}", is_active=False)
    deleted.is_deleted = True
    deleted.save()
    return {"active member": active, "inactive member": inactive, "deleted": deleted}


def restrict(restriction_model, node, kind, world):
    """A view restriction of ``kind`` (login, groups, password) on ``node``."""
    node_field = "page" if restriction_model is PageViewRestriction else "collection"
    restriction = restriction_model.objects.create(
        **{node_field: node},
        restriction_type=kind,
        password="secret" if kind == BaseViewRestriction.PASSWORD else "",
    )
    if kind == BaseViewRestriction.GROUPS:
        restriction.groups.set([world.group])
    return restriction


def _page(parent, world, label, live=True):
    from home.tests.utils import make_standard_page

    return make_standard_page(
        parent, world.title(label), slug=world.slug(label.lower()), live=live
    )


def pages(world):
    from home.models import HomePage

    home = HomePage.objects.get()
    planted = {"public page": _page(home, world, "Page publique")}
    for kind in ("login", "groups", "password"):
        page = _page(home, world, f"Page {kind}")
        restrict(PageViewRestriction, page, kind, world)
        planted[f"{kind} page"] = page
    planted["draft page"] = _page(home, world, "Brouillon", live=False)
    login_parent = planted["login page"]
    planted["page under a login page"] = _page(login_parent, world, "Sous connectés")
    nested = _page(login_parent, world, "Groupe sous connectés")
    restrict(PageViewRestriction, nested, "groups", world)
    planted["group page under a login page"] = nested
    return planted


def collections(world):
    root = Collection.get_first_root_node()
    planted = {"public collection": root.add_child(name=world.title("Publique"))}
    for kind in ("login", "groups", "password"):
        collection = root.add_child(name=world.title(f"Collection {kind}"))
        restrict(CollectionViewRestriction, collection, kind, world)
        planted[f"{kind} collection"] = collection
    planted["collection under a group one"] = planted["groups collection"].add_child(
        name=world.title("Sous-collection")
    )
    # Collections are kept in name order: adding one may move the others.
    return {label: Collection.objects.get(pk=c.pk) for label, c in planted.items()}


def documents(world):
    planted = {}
    for label, collection in world.plant(collections).items():
        title = world.title(f"Document {label}")
        planted[f"document of a {label}"] = get_document_model().objects.create(
            title=title,
            collection=collection,
            file=ContentFile(title.encode(), name=f"{world.slug('doc')}.txt"),
        )
    return planted


def _call(world, label, committee=True, live=True):
    from community.events.tests.utils import make_call

    call = make_call(
        slug=world.slug(label), committee=world.group if committee else None
    )
    call.title = world.title(f"Appel {label}")
    call.save_revision().publish()
    call.refresh_from_db()
    if not live:
        call.unpublish()
        call.refresh_from_db()
    return call


def calls(world):
    return {
        "open call": _call(world, "ouvert"),
        "call without committee": _call(world, "sans-comite", committee=False),
        "draft call": _call(world, "brouillon", live=False),
    }


def proposals(world):
    from community.events.tests.utils import make_proposal

    call = _call(world, "propositions")
    draft = make_proposal(call, world.people["member"], status=ProposalStatus.DRAFT)
    sent = make_proposal(call, world.people["outsider"])
    orphan = make_proposal(
        _call(world, "orphelin", committee=False), world.people["member"]
    )
    return {
        "draft proposal": draft,
        "sent proposal": sent,
        "sent proposal, call without committee": orphan,
    }


def proposal_comments(world):
    planted = world.plant(proposals)
    return {
        f"comment on a {label}": ProposalComment.objects.create(
            proposal=proposal, author=world.people["group_member"], body="Avis."
        )
        for label, proposal in planted.items()
        if proposal.status != ProposalStatus.DRAFT
    }


def _edition(world, label, live=True, restriction=None):
    from community.events.tests.utils import make_edition, make_venue

    edition = make_edition(
        slug=world.slug(f"edition-{label}"), venues=[make_venue(f"site-{world.word}")]
    )
    if restriction:
        restrict(PageViewRestriction, edition, restriction, world)
    if not live:
        edition.unpublish()
        edition.refresh_from_db()
    return edition


def sessions(world):
    from community.events.tests.utils import make_session

    planted = {}
    for label, edition in {
        "public édition": _edition(world, "publique"),
        "login édition": _edition(world, "connectes", restriction="login"),
        "group édition": _edition(world, "groupe", restriction="groups"),
        "draft édition": _edition(world, "brouillon", live=False),
    }.items():
        planted[f"session of a {label}"] = make_session(
            edition, title=world.title(f"Atelier {label}"), kind=SessionKind.WORKSHOP
        )
    return planted


def registrations(world):
    planted = world.plant(sessions)
    session = planted["session of a public édition"]
    return {
        "registration": Registration.objects.create(
            session=session,
            user=world.people["member"],
            status=RegistrationStatus.CONFIRMED,
            confirmed_at=timezone.now() - timedelta(minutes=1),
        )
    }


def challenges(world):
    from community.challenges.tests.utils import make_challenge

    live = make_challenge(world.title("Comment planter un défi ?"))
    draft = make_challenge(world.title("Comment cacher un défi ?"))
    draft.unpublish()
    draft.refresh_from_db()
    restricted = make_challenge(world.title("Comment réserver un défi ?"))
    restrict(PageViewRestriction, restricted, "login", world)
    return {"live défi": live, "draft défi": draft, "login défi": restricted}


PLANTERS = {
    Community: communities,
    LearningTeam: teams,
    User: members,
    Page: pages,
    Collection: collections,
    get_document_model(): documents,  # the rule is AbstractDocument's
    CallForContributionsPage: calls,
    Proposal: proposals,
    ProposalComment: proposal_comments,
    Session: sessions,
    Registration: registrations,
    ChallengePage: challenges,
}
