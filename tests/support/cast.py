"""The people the security and accessibility suites act as, and the private
things only some of them may see.

``PERSONAS`` are the five points of view of every crawl. ``SECRET_BUILDERS``
lists functions that each create one private thing and return a ``Secret``
(or a list of them, for a thing and its parts):
a unique token in its title, the URL where it lives (if any) and the personas
allowed to see it. A new capability (a secret thread, a team-only carnet
entry…) adds its builder here and the crawl checks it from every URL.
"""

import uuid
from dataclasses import dataclass, field

from django.contrib.auth.models import Group

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from community.members.choices import CommunityAccess, MembershipRole, TeamRole
from community.members.tests.utils import (
    PASSWORD,
    add_member,
    make_community,
    make_editor,
    make_team,
    make_user,
)

PERSONAS = ("anonymous", "non_member", "member", "animateur", "editor")


@dataclass
class Cast:
    """Users for each persona (``anonymous`` is None), sharing one suffix."""

    suffix: str
    users: dict = field(default_factory=dict)
    password: str = PASSWORD

    def __getitem__(self, persona):
        return self.users.get(persona)


@dataclass
class Secret:
    token: str  # a unique string in the title, searched in every response
    what: str  # what it is, for failure messages
    url: str | None = None  # where it lives, crawled as well
    allowed: frozenset = frozenset()  # personas who may see it
    search_word: str = ""  # a word of its title, for the search URLs


def make_cast():
    suffix = uuid.uuid4().hex[:8]
    cast = Cast(suffix=suffix)
    cast.users = {
        "anonymous": None,
        "non_member": make_user(f"non-membre-{suffix}"),
        "member": make_user(f"membre-{suffix}"),
        "animateur": make_user(f"animateur-{suffix}"),
        "editor": make_editor(f"editeur-{suffix}"),
    }
    return cast


def token(kind, cast):
    return f"ZZ{kind}{cast.suffix}".upper()


def search_word(cast):
    """A word in every secret's title, searched for by the crawl: the search
    page echoes its query, so the query must not be the secret token itself."""
    return f"quokka{cast.suffix}"


def titled(label, kind, cast):
    return f"{label} {token(kind, cast)} {search_word(cast)}"


def secret_community(cast):
    name = titled("Communauté", "SECRETE", cast)
    community = make_community(CommunityAccess.SECRET, name=name)
    add_member(community, cast["member"])
    add_member(community, cast["animateur"], MembershipRole.ANIMATEUR)
    return Secret(
        token("SECRETE", cast),
        "une e-communauté secrète",
        community.get_absolute_url(),
        frozenset({"member", "animateur"}),
    )


def restricted_team(cast):
    community = make_community(
        CommunityAccess.RESTRICTED, name=f"Restreinte {cast.suffix}"
    )
    add_member(community, cast["member"])
    add_member(community, cast["animateur"], MembershipRole.ANIMATEUR)
    team = make_team(
        community,
        name=titled("Équipe", "EQUIPE", cast),
        members=[(cast["member"], TeamRole.PARTICIPANT)],
    )
    return Secret(
        token("EQUIPE", cast),
        "une équipe d'une e-communauté restreinte",
        team.get_absolute_url(),
        frozenset({"member", "animateur"}),
    )


def team_join_request(cast):
    """A request to join a team: its message is for the person who asks and
    for those who decide (here the community's animateur)."""
    from community.members.choices import TeamJoinPolicy
    from community.members.models import TeamJoinRequest

    community = make_community(
        CommunityAccess.RESTRICTED, name=f"Demandes {cast.suffix}"
    )
    add_member(community, cast["member"])
    add_member(community, cast["animateur"], MembershipRole.ANIMATEUR)
    team = make_team(community, name=f"Équipe sur demande {cast.suffix}")
    team.join_policy = TeamJoinPolicy.ON_REQUEST
    team.save()
    TeamJoinRequest.objects.create(
        team=team,
        user=cast["member"],
        message=titled("Demande", "DEMANDEEQUIPE", cast),
    )
    return Secret(
        token("DEMANDEEQUIPE", cast),
        "une demande pour rejoindre une équipe",
        team.get_absolute_url(),
        frozenset({"member", "animateur"}),
    )


def secret_team_on_public_challenge(cast):
    """A team of a secret community working on a public défi: the défi's page
    names it only to those who may know the team exists."""
    from community.challenges.tests.utils import make_challenge

    community = make_community(
        CommunityAccess.SECRET, name=f"Secrète défi {cast.suffix}"
    )
    add_member(community, cast["member"])
    add_member(community, cast["animateur"], MembershipRole.ANIMATEUR)
    team = make_team(
        community,
        name=titled("Équipe", "EQUIPEDEFI", cast),
        members=[(cast["member"], TeamRole.FACILITATEUR)],
    )
    challenge = make_challenge(
        f"Comment garder un secret {cast.suffix} ?", slug=f"defi-secret-{cast.suffix}"
    )
    challenge.teams.add(team)
    challenge.save()
    return Secret(
        token("EQUIPEDEFI", cast),
        "une équipe d'une e-communauté secrète, sur un défi public",
        challenge.url,
        frozenset({"member", "animateur"}),
    )


def _standard_page(cast, kind, publish=True):
    from home.models import HomePage, StandardPage

    home = HomePage.objects.get()
    page = StandardPage(
        title=titled("Page", kind, cast),
        slug=f"page-{kind.lower()}-{cast.suffix}",
        live=publish,
    )
    home.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def draft_page(cast):
    _standard_page(cast, "BROUILLON", publish=False)
    return Secret(
        token("BROUILLON", cast),
        "une page en brouillon",
        f"/page-brouillon-{cast.suffix}/",
    )


def unpublished_page(cast):
    page = _standard_page(cast, "DEPUBLIEE")
    url = page.url
    page.unpublish()
    return Secret(token("DEPUBLIEE", cast), "une page dépubliée", url)


def login_restricted_page(cast):
    page = _standard_page(cast, "CONNECTES")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    return Secret(
        token("CONNECTES", cast),
        "une page réservée aux personnes connectées",
        page.url,
        frozenset(PERSONAS) - {"anonymous"},
    )


def private_collection_document(cast):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    group, _ = Group.objects.get_or_create(name=f"Comité {cast.suffix}")
    cast["editor"].groups.add(group)
    collection = Collection.get_first_root_node().add_child(
        name=f"Privée {cast.suffix}"
    )
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([group])
    title = titled("Document", "DOCPRIVE", cast)
    document = get_document_model().objects.create(
        title=title,
        collection=collection,
        file=ContentFile(
            f"{title} : contenu confidentiel".encode(), name=f"prive-{cast.suffix}.txt"
        ),
    )
    return Secret(
        token("DOCPRIVE", cast),
        "un document d'une collection privée",
        document.url,
        frozenset({"editor"}),
    )


def hidden_profile_field(cast):
    owner = make_user(f"discret-{cast.suffix}")
    owner.profile.organisation = titled("Organisation", "MASQUEE", cast)
    owner.profile.organisation_visibility = "hidden"
    owner.profile.save()
    return Secret(
        token("MASQUEE", cast),
        "un champ de profil masqué",
        f"/communaute/membres/{owner.pk}/",
    )


def committee_call(cast):
    """An open call whose committee is the cast's animateur (made once)."""
    from community.events.tests.utils import make_call, make_committee

    if getattr(cast, "call", None) is None:
        cast.call = make_call(slug=f"appel-{cast.suffix}")
        make_committee(cast.call, cast["animateur"])
    return cast.call


def draft_proposal(cast):
    from community.events.tests.utils import make_proposal

    proposal = make_proposal(committee_call(cast), cast["member"], status="draft")
    proposal.title = titled("Proposition", "BROUILLONPROP", cast)
    proposal.save()
    return Secret(
        token("BROUILLONPROP", cast),
        "une proposition en brouillon (son autrice seule)",
        proposal.get_absolute_url(),
        frozenset({"member"}),
    )


def sent_proposal(cast):
    from community.events.tests.utils import make_proposal

    proposal = make_proposal(committee_call(cast), cast["non_member"])
    proposal.title = titled("Proposition", "PROPOSEE", cast)
    proposal.save()
    return Secret(
        token("PROPOSEE", cast),
        "une proposition envoyée (son auteur et le comité)",
        proposal.get_absolute_url(),
        frozenset({"non_member", "animateur"}),
    )


def committee_comment(cast):
    from community.events.models import ProposalComment
    from community.events.tests.utils import make_proposal

    proposal = make_proposal(committee_call(cast), cast["non_member"])
    ProposalComment.objects.create(
        proposal=proposal,
        author=cast["animateur"],
        body=titled("Avis du comité :", "AVISCOMITE", cast),
    )
    return Secret(
        token("AVISCOMITE", cast),
        "un commentaire du comité de sélection (jamais montré à l'auteur)",
        proposal.review_url(),
        frozenset({"animateur"}),
    )


def _discussion_space(cast, access, label):
    from community.members import policy

    community = make_community(access, name=f"{label} {cast.suffix}")
    add_member(community, cast["member"])
    add_member(community, cast["animateur"], MembershipRole.ANIMATEUR)
    for persona in ("member", "animateur"):
        policy.forget(cast[persona])  # principals read before they joined
    return community


def _thread_with_comment(cast, space, thread_kind, comment_kind):
    from community.discussions import posting

    thread = posting.create_thread(
        cast["member"],
        space,
        title=titled("Fil", thread_kind, cast),
        body=titled("Ouverture", thread_kind, cast),
        limited=False,
    )
    posting.post_comment(
        cast["animateur"],
        thread,
        body=titled("Réponse", comment_kind, cast),
        limited=False,
    )
    return thread


def restricted_community_thread(cast):
    space = _discussion_space(cast, CommunityAccess.RESTRICTED, "Fils restreints")
    thread = _thread_with_comment(cast, space, "FILRESTREINT", "MSGRESTREINT")
    return [
        Secret(
            token("FILRESTREINT", cast),
            "un fil d'une e-communauté restreinte",
            thread.get_absolute_url(),
            frozenset({"member", "animateur"}),
        ),
        Secret(
            token("MSGRESTREINT", cast),
            "une réponse dans un fil d'une e-communauté restreinte",
            thread.get_absolute_url(),
            frozenset({"member", "animateur"}),
        ),
    ]


def secret_community_thread(cast):
    space = _discussion_space(cast, CommunityAccess.SECRET, "Fils secrets")
    thread = _thread_with_comment(cast, space, "FILSECRET", "MSGSECRET")
    return [
        Secret(
            token("FILSECRET", cast),
            "un fil d'une e-communauté secrète",
            thread.get_absolute_url(),
            frozenset({"member", "animateur"}),
        ),
        Secret(
            token("MSGSECRET", cast),
            "une réponse dans un fil d'une e-communauté secrète",
            thread.get_absolute_url(),
            frozenset({"member", "animateur"}),
        ),
    ]


def team_thread(cast):
    """A thread of a team of a restricted community: the team's members and
    the community's readers (its members) read it."""
    space = _discussion_space(cast, CommunityAccess.RESTRICTED, "Équipe à fils")
    team = make_team(
        space,
        name=f"Équipe à fils {cast.suffix}",
        members=[(cast["member"], TeamRole.PARTICIPANT)],
    )
    from community.members import policy

    policy.forget(cast["member"])  # principals read before joining the team
    thread = _thread_with_comment(cast, team, "FILEQUIPE", "MSGEQUIPE")
    return [
        Secret(
            token("FILEQUIPE", cast),
            "un fil d'une équipe apprenante",
            thread.get_absolute_url(),
            frozenset({"member", "animateur"}),
        ),
        Secret(
            token("MSGEQUIPE", cast),
            "une réponse dans un fil d'une équipe apprenante",
            thread.get_absolute_url(),
            frozenset({"member", "animateur"}),
        ),
    ]


def hidden_comment(cast):
    """A comment of a public thread hidden after three reports: its text is
    its author's and the space's animateur's only."""
    from community.discussions import posting

    space = _discussion_space(cast, CommunityAccess.PUBLIC, "Fils publics")
    thread = posting.create_thread(
        cast["animateur"],
        space,
        title=f"Fil public {cast.suffix}",
        body="Un fil où un message est signalé.",
        limited=False,
    )
    comment = posting.post_comment(
        cast["member"],
        thread,
        body=titled("Message signalé", "MASQUESIGNALE", cast),
        limited=False,
    )
    for n in range(3):
        posting.report(make_user(f"temoin{n}-{cast.suffix}"), comment, reason="spam")
    return Secret(
        token("MASQUESIGNALE", cast),
        "un message masqué après trois signalements",
        thread.get_absolute_url(),
        frozenset({"member", "animateur"}),
    )


def _resource_term(cast, label):
    from resources.models import GlossaryIndexPage, GlossaryTermPage

    term = GlossaryTermPage(
        title=f"{label} {cast.suffix}",
        slug=f"terme-{label.lower()}-{cast.suffix}",
        definition="<p>Un terme commenté.</p>",
    )
    GlossaryIndexPage.objects.get().add_child(instance=term)
    term.save_revision().publish()
    return term


def restricted_resource_comment(cast):
    """A comment on a glossary term restricted to logged-in members: seen by
    whoever may see the page, never by an anonymous visitor (page, search,
    comment fragments, history)."""
    from community.discussions import posting

    term = _resource_term(cast, "Reserve")
    PageViewRestriction.objects.create(
        page=term, restriction_type=PageViewRestriction.LOGIN
    )
    posting.comment_page(
        cast["member"],
        term,
        body=titled("Commentaire", "COMMENTRESSOURCE", cast),
        limited=False,
    )
    return Secret(
        token("COMMENTRESSOURCE", cast),
        "un commentaire sur une ressource réservée aux personnes connectées",
        term.url,
        frozenset(PERSONAS) - {"anonymous"},
    )


def hidden_resource_comment(cast):
    """A comment on a public glossary term hidden after three reports: its
    text is its author's and the editors' (they moderate resource pages)."""
    from community.discussions import posting

    term = _resource_term(cast, "Public")
    comment = posting.comment_page(
        cast["member"],
        term,
        body=titled("Commentaire signalé", "COMMENTMASQUE", cast),
        limited=False,
    )
    for n in range(3):
        posting.report(
            make_user(f"temoin-ressource{n}-{cast.suffix}"), comment, reason="spam"
        )
    return Secret(
        token("COMMENTMASQUE", cast),
        "un commentaire de ressource masqué après trois signalements",
        term.url,
        frozenset({"member", "editor"}),
    )


def private_related_on_public_challenge(cast):
    """A public défi whose related objects are private: a team of a restricted
    community, pages behind a login, a group or a password, and an édition
    restricted to logged-in members. The défi's page (and the défi index's
    « Édition » filter) names each only to those the policy lets see it."""
    from community.challenges.models import ChallengeRelatedResource
    from community.challenges.tests.utils import make_challenge
    from community.events.tests.utils import make_edition

    community = make_community(
        CommunityAccess.RESTRICTED, name=f"Restreinte défi {cast.suffix}"
    )
    add_member(community, cast["member"])
    add_member(community, cast["animateur"], MembershipRole.ANIMATEUR)
    team = make_team(
        community,
        name=titled("Équipe", "EQUIPERESTDEFI", cast),
        members=[(cast["member"], TeamRole.PARTICIPANT)],
    )
    edition = make_edition(slug=f"edition-connectes-{cast.suffix}")
    edition.title = titled("Édition", "EDITIONCONNECTES", cast)
    edition.save_revision().publish()
    PageViewRestriction.objects.create(
        page=edition, restriction_type=PageViewRestriction.LOGIN
    )
    challenge = make_challenge(
        f"Comment lier des choses privées {cast.suffix} ?",
        slug=f"defi-liens-prives-{cast.suffix}",
        edition=edition,
    )
    challenge.teams.add(team)
    challenge.save()
    login_page = _standard_page(cast, "LIEECONNECTES")
    PageViewRestriction.objects.create(
        page=login_page, restriction_type=PageViewRestriction.LOGIN
    )
    group, _ = Group.objects.get_or_create(name=f"Lecteurs {cast.suffix}")
    cast["editor"].groups.add(group)
    group_page = _standard_page(cast, "LIEEGROUPE")
    restriction = PageViewRestriction.objects.create(
        page=group_page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([group])
    password_page = _standard_page(cast, "LIEEMOTDEPASSE")
    PageViewRestriction.objects.create(
        page=password_page,
        restriction_type=PageViewRestriction.PASSWORD,
        password="un-secret",
    )
    for page in (login_page, group_page, password_page):
        ChallengeRelatedResource.objects.create(challenge=challenge, page=page)
    from community.members import policy

    for persona in ("member", "animateur", "editor"):
        policy.forget(cast[persona])  # principals read before they joined
    url = challenge.url
    logged_in_personas = frozenset(PERSONAS) - {"anonymous"}
    return [
        Secret(
            token("EQUIPERESTDEFI", cast),
            "une équipe d'une e-communauté restreinte, sur un défi public",
            url,
            frozenset({"member", "animateur"}),
        ),
        Secret(
            token("LIEECONNECTES", cast),
            "une page liée à un défi, réservée aux personnes connectées",
            url,
            logged_in_personas,
        ),
        Secret(
            token("LIEEGROUPE", cast),
            "une page liée à un défi, réservée à un groupe",
            url,
            frozenset({"editor"}),
        ),
        Secret(
            token("LIEEMOTDEPASSE", cast),
            "une page liée à un défi, protégée par un mot de passe",
            # Nobody sees its title without the password: checked on the défi.
            None,
        ),
        Secret(
            token("EDITIONCONNECTES", cast),
            "une édition réservée aux personnes connectées, nommée par un défi",
            url,
            logged_in_personas,
        ),
    ]


def carnet_team(cast):
    """A team of a public community whose facilitateur is the cast's member
    (the animateur belongs to the community, not to the team); made once."""
    if getattr(cast, "carnet_team", None) is None:
        community = make_community(
            CommunityAccess.PUBLIC, name=f"Carnets {cast.suffix}"
        )
        add_member(community, cast["member"])
        add_member(community, cast["animateur"])
        cast.carnet_team = make_team(
            community,
            name=f"Équipe carnet {cast.suffix}",
            members=[(cast["member"], TeamRole.FACILITATEUR)],
        )
    return cast.carnet_team


def _carnet_entry(cast, kind, visibility):
    from community.carnets.editing import create_entry
    from community.carnets.structure import carnet_for

    return create_entry(
        carnet_for(carnet_team(cast)),
        user=cast["member"],
        title=titled("Entrée de carnet", kind, cast),
        body=f"Texte {token(kind, cast)}",
        moment="before",
        visibility=visibility,
    )


def team_carnet_entry(cast):
    entry = _carnet_entry(cast, "CARNETEQUIPE", "equipe")
    return Secret(
        token("CARNETEQUIPE", cast),
        "une entrée de carnet réservée à l'équipe",
        entry.get_absolute_url(),
        frozenset({"member"}),
    )


def community_carnet_entry(cast):
    entry = _carnet_entry(cast, "CARNETCOMMU", "communaute")
    return Secret(
        token("CARNETCOMMU", cast),
        "une entrée de carnet partagée avec l'e-communauté de l'équipe",
        entry.get_absolute_url(),
        frozenset({"member", "animateur"}),
    )


def members_carnet_entry(cast):
    entry = _carnet_entry(cast, "CARNETMEMBRES", "membres")
    return Secret(
        token("CARNETMEMBRES", cast),
        "une entrée de carnet partagée avec les membres connectés",
        entry.get_absolute_url(),
        frozenset(PERSONAS) - {"anonymous"},
    )


def secret_link_carnet_entry(cast):
    """An entry opened by a secret link: whoever holds the link reads it
    (not crawled: it is unguessable), nobody else beyond the team."""
    from community.carnets.models import ShareLink

    entry = _carnet_entry(cast, "CARNETLIEN", "equipe")
    ShareLink.objects.create(carnet=entry.carnet, entry=entry, label="Direction")
    return Secret(
        token("CARNETLIEN", cast),
        "une entrée de carnet ouverte par un lien secret",
        entry.get_absolute_url(),
        frozenset({"member"}),
    )


def revoked_link_carnet_entry(cast):
    """An entry whose secret link was revoked: the crawl opens the link
    (``URL_SOURCES`` lists revoked and expired links)."""
    from django.utils import timezone

    from community.carnets.models import ShareLink

    entry = _carnet_entry(cast, "CARNETREVOQUE", "equipe")
    ShareLink.objects.create(
        carnet=entry.carnet, entry=entry, revoked_at=timezone.now()
    )
    return Secret(
        token("CARNETREVOQUE", cast),
        "une entrée de carnet dont le lien secret est révoqué",
        entry.get_absolute_url(),
        frozenset({"member"}),
    )


def facilitator_carnet(cast):
    """The facilitator's carnet of a défi the cast's team works on (the
    member facilitates the team): private to the défi's facilitateurs."""
    from community.carnets.models import FacilitatorStep
    from community.carnets.views.facilitators import carnet_for_challenge
    from community.challenges.tests.utils import make_challenge

    challenge = make_challenge(
        f"Comment animer le défi {cast.suffix} ?", slug=f"defi-carnet-{cast.suffix}"
    )
    challenge.teams.add(carnet_team(cast))
    challenge.save()
    carnet = carnet_for_challenge(challenge)
    FacilitatorStep.objects.filter(carnet=carnet, step=1).update(
        objectives=titled("Objectifs", "FACILITATEUR", cast)
    )
    return Secret(
        token("FACILITATEUR", cast),
        "le carnet du facilitateur d'un défi",
        carnet.get_absolute_url(),
        frozenset({"member"}),
    )


def private_things_around_a_bilan(cast):
    """A public édition's validated bilan, whose défis have private things: a
    défi behind a login, a team of a restricted community on a public défi.
    The bilan, made of what is public only, names neither — nor does its PDF
    (tests/security/test_permission_leaks.py reads its text back); a draft
    bilan is nobody's to read on the site."""
    from community.capitalisation.models import BilanPage
    from community.challenges.tests.utils import make_challenge
    from community.events.tests.utils import make_edition

    edition = make_edition(slug=f"edition-bilan-{cast.suffix}")
    public = make_challenge(
        f"Comment faire un bilan public {cast.suffix} ?",
        slug=f"defi-bilan-public-{cast.suffix}",
        edition=edition,
    )
    community = make_community(
        CommunityAccess.RESTRICTED, name=f"Restreinte bilan {cast.suffix}"
    )
    add_member(community, cast["member"])
    add_member(community, cast["animateur"], MembershipRole.ANIMATEUR)
    team = make_team(
        community,
        name=titled("Équipe", "EQUIPEBILAN", cast),
        members=[(cast["member"], TeamRole.PARTICIPANT)],
    )
    public.teams.add(team)
    public.save()
    restricted = make_challenge(
        titled("Comment réserver", "DEFIBILAN", cast),
        slug=f"defi-bilan-reserve-{cast.suffix}",
        edition=edition,
    )
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.LOGIN
    )
    bilan = BilanPage(title=f"Bilan {cast.suffix}", slug="bilan")
    edition.add_child(instance=bilan)
    bilan.save_revision().publish()
    draft_edition = make_edition(slug=f"edition-bilan-brouillon-{cast.suffix}")
    draft = BilanPage(
        title=titled("Bilan", "BILANBROUILLON", cast),
        slug="bilan",
        live=False,
        foreword=f"<p>{titled('Avant-propos', 'BILANBROUILLON', cast)}</p>",
    )
    draft_edition.add_child(instance=draft)
    draft.save_revision()
    from community.members import policy

    for persona in ("member", "animateur"):
        policy.forget(cast[persona])
    logged_in_personas = frozenset(PERSONAS) - {"anonymous"}
    return [
        Secret(
            token("EQUIPEBILAN", cast),
            "une équipe d'une e-communauté restreinte, sur un défi d'un bilan",
            public.url,
            frozenset({"member", "animateur"}),
        ),
        Secret(
            token("DEFIBILAN", cast),
            "un défi réservé aux personnes connectées, d'une édition qui a un bilan",
            restricted.url,
            logged_in_personas,
        ),
        Secret(
            token("BILANBROUILLON", cast),
            "un bilan d'édition en brouillon (pas encore validé)",
            None,
        ),
    ]


SECRET_BUILDERS = [
    secret_community,
    restricted_team,
    team_join_request,
    secret_team_on_public_challenge,
    private_related_on_public_challenge,
    draft_page,
    unpublished_page,
    login_restricted_page,
    private_collection_document,
    hidden_profile_field,
    draft_proposal,
    sent_proposal,
    committee_comment,
    restricted_community_thread,
    secret_community_thread,
    team_thread,
    hidden_comment,
    restricted_resource_comment,
    hidden_resource_comment,
    team_carnet_entry,
    community_carnet_entry,
    members_carnet_entry,
    secret_link_carnet_entry,
    revoked_link_carnet_entry,
    facilitator_carnet,
    private_things_around_a_bilan,
]


def make_secrets(cast):
    secrets = []
    for build in SECRET_BUILDERS:  # a builder may make several secrets
        built = build(cast)
        secrets.extend(built if isinstance(built, list) else [built])
    for secret in secrets:
        secret.search_word = search_word(cast)
    return secrets
