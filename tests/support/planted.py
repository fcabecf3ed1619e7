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

from community.carnets.models import (
    Attachment,
    Carnet,
    Entry,
    EntryComment,
    EntryRevision,
    FacilitatorCarnet,
    FacilitatorStep,
    ShareLink,
)
from community.challenges.models import ChallengePage
from community.discussions.models import Comment, Thread
from community.events.choices import ProposalStatus, RegistrationStatus, SessionKind
from community.events.models import (
    CallForContributionsPage,
    Proposal,
    ProposalComment,
    Registration,
    Session,
)
from community.members.choices import CommunityAccess, MembershipRole, TeamRole
from community.members.models import Community, LearningTeam, TeamJoinRequest, User
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


def join_requests(world):
    return {
        f"request to join a team of a {access} community": (
            TeamJoinRequest.objects.create(
                team=team, user=world.people["outsider"], message="Puis-je ?"
            )
        )
        for access, team in world.teams.items()
    }


# --- Discussions ------------------------------------------------------------


def _moderated(obj, state):
    type(obj)._default_manager.filter(pk=obj.pk).update(state=state)
    obj.refresh_from_db()
    return obj


def threads(world):
    from community.discussions import posting
    from community.discussions.choices import PostState

    def thread(author, space, label):
        return posting.create_thread(
            world.people[author],
            space,
            title=world.title(f"Fil {label}"),
            body=f"Ouverture {world.word}.",
            limited=False,
        )

    planted = {
        f"thread of a {access} community": thread("animateur", community, access)
        for access, community in world.communities.items()
    }
    for access, team in world.teams.items():
        planted[f"thread of a team of a {access} community"] = thread(
            "facilitator", team, f"équipe {access}"
        )
    for label, challenge in world.plant(challenges).items():
        if challenge.live:
            planted[f"thread on a {label}"] = thread("superuser", challenge, label)
    public = world.communities[CommunityAccess.PUBLIC]
    planted["hidden thread"] = _moderated(
        thread("animateur", public, "masqué"), PostState.HIDDEN
    )
    planted["removed thread"] = _moderated(
        thread("animateur", public, "supprimé"), PostState.REMOVED
    )
    planted.update(world.plant(page_threads))
    return planted


def commented_terms(world):
    """Glossary terms with comments: public, restricted in each way, draft."""
    from community.discussions import posting
    from resources.tests.utils import make_term

    terms = {"public": make_term(world.title("Terme public"), slug=world.slug("t"))}
    for kind in ("login", "groups", "password"):
        term = make_term(world.title(f"Terme {kind}"), slug=world.slug(f"t-{kind}"))
        restrict(PageViewRestriction, term, kind, world)
        terms[kind] = term
    for kind, term in terms.items():
        # Straight into the page's thread: who may comment is not the point.
        posting.post_comment(
            world.people["superuser"],
            posting.page_thread(term, create=True),
            body=f"Commentaire {kind} {world.word}.",
            limited=False,
        )
    return terms


def page_threads(world):
    from community.discussions import posting

    return {
        f"comments of a {kind} glossary term": posting.page_thread(term)
        for kind, term in world.plant(commented_terms).items()
    }


def thread_comments(world):
    from community.discussions import posting
    from community.discussions.choices import PostState

    planted = {}
    for label, thread in world.plant(threads).items():
        if thread.state != PostState.VISIBLE:
            continue
        author = world.people["superuser"]
        planted[f"comment in the {label}"] = posting.post_comment(
            author, thread, body=f"Réponse {world.word}.", limited=False
        )
    for label, thread in world.plant(page_threads).items():
        planted[f"comment in the {label}"] = thread.comments.first()
    public = world.plant(threads)["thread of a public community"]
    for state in (PostState.HIDDEN, PostState.REMOVED):
        comment = posting.post_comment(
            world.people["superuser"],
            public,
            body=f"Réponse {state} {world.word}.",
            limited=False,
        )
        planted[f"{state} comment"] = _moderated(comment, state)
    return planted


# --- Carnets ----------------------------------------------------------------


def carnets(world):
    from community.carnets.choices import Sharing
    from community.carnets.structure import carnet_for

    sharing = {
        CommunityAccess.PUBLIC: Sharing.PUBLIC,
        CommunityAccess.RESTRICTED: Sharing.COMMUNITY,
        CommunityAccess.SECRET: Sharing.TEAM,
    }
    planted = {}
    for access, team in world.teams.items():
        carnet = carnet_for(team)
        carnet.visibility = sharing.get(access, Sharing.MEMBERS)
        carnet.save()
        planted[f"carnet shared with {carnet.visibility}, {access} community"] = carnet
    extra = make_team(
        world.communities[CommunityAccess.RESTRICTED],
        name=world.title("Équipe carnet membres"),
        members=[(world.people["team_member"], TeamRole.PARTICIPANT)],
    )
    carnet = carnet_for(extra)
    carnet.visibility = Sharing.MEMBERS
    carnet.save()
    planted["carnet shared with members"] = carnet
    return planted


def entries(world):
    from community.carnets.choices import EntryKind, EntrySharing, Moment
    from community.carnets.editing import create_entry

    planted = {}
    for label, carnet in world.plant(carnets).items():
        for moment, kind, sharing in (
            (Moment.BEFORE, EntryKind.INDIVIDUAL, EntrySharing.CARNET),
            (Moment.DURING, EntryKind.INDIVIDUAL, EntrySharing.TEAM),
            (Moment.AFTER, EntryKind.COLLECTIVE, EntrySharing.PUBLIC),
        ):
            planted[f"{kind} entry ({sharing}) of the {label}"] = create_entry(
                carnet,
                user=world.people["team_member"],
                title=world.title(f"Entrée {kind} {sharing}"),
                body=f"Apprentissage {world.word}.",
                moment=moment,
                kind=kind,
                visibility=sharing,
            )
    return planted


def entry_revisions(world):
    return {
        f"revision of the {label}": entry.revisions.get()
        for label, entry in world.plant(entries).items()
    }


def entry_comments(world):
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.sites.models import Site

    from community.carnets.models import Entry

    entry_type = ContentType.objects.get_for_model(Entry)
    return {
        f"feedback on the {label}": EntryComment.objects.create(
            content_type=entry_type,
            object_pk=str(entry.pk),
            site=Site.objects.get_current(),
            user=world.people["facilitator"],
            comment=f"Retour {world.word}.",
            submit_date=timezone.now(),
        )
        for label, entry in world.plant(entries).items()
    }


def attachments(world):
    from community.carnets.choices import AttachmentKind

    return {
        f"attachment of the {label}": Attachment.objects.create(
            entry=entry,
            file=ContentFile(b"notes", name=f"{world.slug('notes')}.txt"),
            name=f"notes-{world.word}.txt",
            kind=AttachmentKind.DOCUMENT,
            size=5,
            uploaded_by=world.people["team_member"],
        )
        for label, entry in world.plant(entries).items()
    }


def share_links(world):
    planted = {}
    for label, carnet in world.plant(carnets).items():
        planted[f"link to the {label}"] = ShareLink.objects.create(carnet=carnet)
    return planted


def facilitator_carnets(world):
    from community.carnets.choices import FacilitatorSharing
    from community.carnets.views.facilitators import carnet_for_challenge
    from community.challenges.tests.utils import make_challenge

    planted = {}
    for sharing in FacilitatorSharing.values:
        challenge = make_challenge(
            world.title(f"Comment faciliter {sharing} ?"),
            slug=world.slug(f"faciliter-{sharing}"),
        )
        challenge.teams.add(world.teams[CommunityAccess.PUBLIC])
        challenge.save()
        carnet = carnet_for_challenge(challenge)
        carnet.visibility = sharing
        carnet.save()
        planted[f"facilitator carnet shared with {sharing}"] = carnet
    for label, challenge in world.plant(challenges).items():
        if label != "live défi":
            carnet = carnet_for_challenge(challenge)
            carnet.visibility = FacilitatorSharing.PUBLIC
            carnet.save()
            planted[f"public facilitator carnet of a {label}"] = carnet
    return planted


def facilitator_steps(world):
    return {
        f"step of the {label}": carnet.steps.first()
        for label, carnet in world.plant(facilitator_carnets).items()
    }


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
    TeamJoinRequest: join_requests,
    Thread: threads,
    Comment: thread_comments,
    Carnet: carnets,
    Entry: entries,
    EntryRevision: entry_revisions,
    EntryComment: entry_comments,
    Attachment: attachments,
    ShareLink: share_links,
    FacilitatorCarnet: facilitator_carnets,
    FacilitatorStep: facilitator_steps,
}


# --- Capitalisation -----------------------------------------------------------


def evaluation_forms(world):
    from community.capitalisation.models import EvaluationForm

    return {
        f"questionnaire of the {label.removeprefix('session of a ')}": (
            EvaluationForm.for_edition(session.edition)
        )
        for label, session in world.plant(sessions).items()
    }


def evaluation_answers(world):
    from community.capitalisation.choices import ComeBack, Scope
    from community.capitalisation.models import EvaluationAnswer

    planted = {}
    for label, form in world.plant(evaluation_forms).items():
        planted[f"answer to the {label}"] = EvaluationAnswer.objects.create(
            form=form,
            scope=Scope.EDITION,
            satisfaction=4,
            learned=f"Appris {world.word}.",
            come_back=ComeBack.YES,
        )
    return planted


def evaluation_receipts(world):
    from community.capitalisation.models import EvaluationReceipt

    form = world.plant(evaluation_forms)["questionnaire of the public édition"]
    return {
        "receipt": EvaluationReceipt.objects.create(
            user=world.people["member"],
            form=form,
            subject=f"edition:{form.edition_id}",
            subject_title=world.title("Évaluation"),
        )
    }


def booklets(world):
    from community.capitalisation.models import Booklet

    return {
        f"booklet of the {label}": Booklet.objects.create(
            challenge=challenge, fingerprint="0" * 64, pdf=b"%PDF-1.7"
        )
        for label, challenge in world.plant(challenges).items()
    }


def bilans(world):
    """An édition's bilan: validated (live) under a public, a login and a
    group édition; a draft awaiting its review."""
    from community.capitalisation.models import BilanPage

    planted = {}
    for label, edition in {
        "public édition": _edition(world, "bilan-publique"),
        "login édition": _edition(world, "bilan-connectes", restriction="login"),
        "group édition": _edition(world, "bilan-groupe", restriction="groups"),
        "draft bilan's public édition": _edition(world, "bilan-brouillon"),
    }.items():
        draft = label.startswith("draft")
        page = BilanPage(
            title=world.title(f"Bilan {label}"), slug="bilan", live=not draft
        )
        edition.add_child(instance=page)
        revision = page.save_revision()
        if not draft:
            revision.publish()
        page.refresh_from_db()
        planted[f"bilan of the {label}"] = page
    return planted


def bilan_pdfs(world):
    from community.capitalisation.models import BilanPdf

    return {
        f"PDF of the {label}": BilanPdf.objects.create(
            bilan=page, fingerprint="0" * 64, pdf=b"%PDF-1.7"
        )
        for label, page in world.plant(bilans).items()
    }


def _capitalisation_planters():
    from community.capitalisation.models import (
        BilanPage,
        BilanPdf,
        Booklet,
        EvaluationAnswer,
        EvaluationForm,
        EvaluationReceipt,
    )

    return {
        EvaluationForm: evaluation_forms,
        EvaluationAnswer: evaluation_answers,
        EvaluationReceipt: evaluation_receipts,
        Booklet: booklets,
        BilanPage: bilans,
        BilanPdf: bilan_pdfs,
    }


PLANTERS.update(_capitalisation_planters())
