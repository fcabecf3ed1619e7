"""What members do with learning teams: create, join or ask to join, decide
a request, withdraw it, leave, name a facilitateur, add a colleague, change
how the team admits people.

Who may act is the policy's answer (the views call ``policy.ensure`` first;
these functions check again, so that they are safe to call from elsewhere).
Each action runs in one transaction, locks the team's row before counting
its members (two people joining the last place at once: one gets it), and
raises ``MembershipError`` with a French message when it cannot be done.

A team with members keeps at least one facilitateur: the last one may leave
only once they have named another, or when they are the last member. A team
whose last member leaves is kept (its carnet and défi stay), without
facilitateur: the community's animateurs are told by e-mail, and the next
person who joins becomes its facilitateur.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from home.notices import publish

from . import policy, team_links
from .choices import RequestStatus, TeamRole
from .memberships import MembershipError, animateurs, membership_of
from .models import LearningTeam, TeamJoinRequest, TeamMembership
from .models.teams import DUPLICATE_NAME_MESSAGE
from .notices import TEAM_EMPTY, TEAM_REQUEST_DECIDED, TEAM_REQUEST_RECEIVED

__all__ = [
    "DuplicateTeamName",
    "MembershipError",
    "JoinState",
    "add_member",
    "cancel_request",
    "create_team",
    "decide_request",
    "join",
    "join_state",
    "leave",
    "set_role",
    "update_settings",
]


class DuplicateTeamName(MembershipError):
    """Another team of the community has this name (case and accents aside)."""


# --- Reading a team's state ---------------------------------------------------


def member_count(team):
    return TeamMembership.objects.filter(team=team).count()


def is_full(team, count=None):
    if not team.max_size:
        return False
    return (member_count(team) if count is None else count) >= team.max_size


def facilitators(team):
    return [
        m.user
        for m in TeamMembership.objects.filter(
            team=team, role=TeamRole.FACILITATEUR
        ).select_related("user")
    ]


def deciders(team):
    """Who is told of a new request: the team's facilitateurs, or the
    community's animateurs when the team has none."""
    return facilitators(team) or animateurs(team.community)


@dataclass
class JoinState:
    """What the team page offers ``user`` to join: ``action`` is one of
    ``member``, ``pending``, ``join``, ``request``, ``full``, ``community``
    (join the community first), ``login`` or ``none``."""

    action: str
    membership: TeamMembership | None = None
    pending: TeamJoinRequest | None = None


def join_state(user, team, membership=None, count=None):
    if not user.is_authenticated:
        return JoinState("login")
    if membership is None:
        membership = TeamMembership.objects.filter(team=team, user=user).first()
    if membership is not None:
        return JoinState("member", membership=membership)
    pending = TeamJoinRequest.objects.filter(
        team=team, user=user, status=RequestStatus.PENDING
    ).first()
    if pending is not None:
        return JoinState("pending", pending=pending)
    if not policy.can_contribute(user, team.community):
        return JoinState("community")
    if is_full(team, count):
        return JoinState("full")
    return JoinState("request" if team.is_on_request else "join")


# --- Creating a team ------------------------------------------------------------


def unique_slug(name, year):
    base = slugify(f"{name} {year}")[:140].strip("-") or f"equipe-{year}"
    slug, n = base, 2
    while LearningTeam.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def create_team(
    community,
    by,
    *,
    name,
    year,
    description="",
    join_policy=None,
    max_size=None,
    links=None,
):
    """Create a team in ``community``; ``by`` is its first member and
    facilitateur. ``links`` maps a registered ``TeamLink`` key to its value."""
    if not policy.can_contribute(by, community):
        raise MembershipError(
            _("Seuls les membres de l'e-communauté peuvent y créer une équipe.")
        )
    team = LearningTeam(
        community=community,
        name=name.strip(),
        year=year,
        description=description,
        max_size=max_size,
    )
    if join_policy:
        team.join_policy = join_policy
    for _attempt in range(3):
        if team.name_taken():
            raise DuplicateTeamName(DUPLICATE_NAME_MESSAGE)
        team.slug = unique_slug(name, year)
        try:
            with transaction.atomic():
                team.save()
            break
        except IntegrityError:
            # Someone created a team at the same moment: the same name in this
            # community (refused above on the next turn), or the same slug.
            team.pk = None
    else:
        raise MembershipError(_("L'équipe n'a pas pu être créée : réessayez."))
    TeamMembership.objects.create(team=team, user=by, role=TeamRole.FACILITATEUR)
    registered = {link.key: link for link in team_links.links()}
    for key, value in (links or {}).items():
        if value not in (None, ""):
            try:
                registered[key].attach(team, value, by)
            except ValidationError as error:  # the whole creation is undone
                raise MembershipError(" ".join(error.messages)) from None
    policy.forget(by)
    return team


# --- Joining ----------------------------------------------------------------------


def _locked(team):
    """The team's row, locked until the transaction ends (its community is
    read along, not locked: other teams of the community go on meanwhile)."""
    return (
        LearningTeam.objects.select_for_update(of=("self",))
        .select_related("community")
        .get(pk=team.pk)
    )


def _admit(team, user, count):
    """Add ``user`` to the locked ``team`` (facilitateur of an empty team)."""
    role = TeamRole.FACILITATEUR if count == 0 else TeamRole.PARTICIPANT
    membership = TeamMembership.objects.create(team=team, user=user, role=role)
    policy.forget(user)
    return membership


def _full_message(team):
    return _(
        "L'équipe « %(team)s » est complète (%(size)s membres au plus) : "
        "il n'y a plus de place pour le moment."
    ) % {"team": team.name, "size": team.max_size}


def _community_message(team):
    return _(
        "Pour rejoindre cette équipe, rejoignez d'abord l'e-communauté « %(community)s »."
    ) % {"community": team.community.name}


@transaction.atomic
def join(user, team, message=""):
    """Join an open team at once (returns the membership), or ask to join a
    team that admits on request (returns the request)."""
    team = _locked(team)
    if not policy.can_view(user, team):
        raise MembershipError(_("Cette équipe ne vous est pas accessible."))
    if membership_of(user, team.community) is None:
        raise MembershipError(_community_message(team))
    if TeamMembership.objects.filter(team=team, user=user).exists():
        raise MembershipError(_("Vous faites déjà partie de cette équipe."))
    count = member_count(team)
    if is_full(team, count):
        raise MembershipError(_full_message(team))
    if not team.is_on_request:
        return _admit(team, user, count)
    if TeamJoinRequest.objects.filter(
        team=team, user=user, status=RequestStatus.PENDING
    ).exists():
        raise MembershipError(_("Votre demande est déjà en attente de réponse."))
    request = TeamJoinRequest.objects.create(team=team, user=user, message=message)
    publish(
        TEAM_REQUEST_RECEIVED,
        user,
        request,
        deciders(team),
        {"request": request, "team": team},
        "members/email/team_request_received",
    )
    return request


@transaction.atomic
def decide_request(join_request, by, approve):
    """A facilitateur or an animateur accepts or refuses a pending request."""
    team = _locked(join_request.team)
    locked = TeamJoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if not policy.can_moderate(by, locked):
        raise MembershipError(
            _(
                "Seuls les facilitateurs de l'équipe et les animateurs de "
                "l'e-communauté peuvent répondre."
            )
        )
    if not locked.is_pending:
        raise MembershipError(_("Cette demande a déjà reçu une réponse."))
    if approve:
        if membership_of(locked.user, team.community) is None:
            raise MembershipError(
                _(
                    "%(member)s ne fait plus partie de l'e-communauté : "
                    "la demande ne peut qu'être refusée."
                )
                % {"member": locked.user}
            )
        count = member_count(team)
        if is_full(team, count):
            raise MembershipError(
                _full_message(team)
                + " "
                + _("Augmentez sa taille maximale ou refusez la demande.")
            )
        if not TeamMembership.objects.filter(team=team, user=locked.user).exists():
            _admit(team, locked.user, count)
    locked.status = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
    locked.decided_by = by
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "decided_by", "decided_at"])
    publish(
        TEAM_REQUEST_DECIDED,
        by,
        locked,
        [locked.user],
        {"request": locked, "team": team, "approved": approve},
        "members/email/team_request_decided",
    )
    return locked


@transaction.atomic
def cancel_request(join_request, user):
    """The person who asked withdraws their pending request."""
    locked = TeamJoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if not policy.can_edit(user, locked):
        raise MembershipError(
            _("Seule la personne qui a fait la demande peut l'annuler.")
        )
    if not locked.is_pending:
        raise MembershipError(_("Cette demande a déjà reçu une réponse."))
    locked.status = RequestStatus.CANCELLED
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "decided_at"])
    return locked


@transaction.atomic
def add_member(team, member, by):
    """A team member adds a colleague of the community directly (in a team
    that admits on request, only its facilitateurs and the animateurs may)."""
    team = _locked(team)
    allowed = (
        policy.can_moderate(by, team)
        if team.is_on_request
        else policy.can_edit(by, team)
    )
    if not allowed:
        raise MembershipError(
            _("Dans cette équipe, seuls les facilitateurs ajoutent des membres.")
            if team.is_on_request
            else _("Seuls les membres de l'équipe peuvent y ajouter quelqu'un.")
        )
    if membership_of(member, team.community) is None:
        raise MembershipError(
            _("Cette personne n'est pas membre de l'e-communauté de l'équipe.")
        )
    if TeamMembership.objects.filter(team=team, user=member).exists():
        raise MembershipError(_("Cette personne fait déjà partie de l'équipe."))
    count = member_count(team)
    if is_full(team, count):
        raise MembershipError(_full_message(team))
    membership = _admit(team, member, count)
    # Their pending request, if any, is answered by the same stroke.
    TeamJoinRequest.objects.filter(
        team=team, user=member, status=RequestStatus.PENDING
    ).update(status=RequestStatus.APPROVED, decided_by=by, decided_at=timezone.now())
    return membership


# --- Leaving, roles, settings --------------------------------------------------


def _other_facilitators(team, membership):
    return (
        TeamMembership.objects.filter(team=team, role=TeamRole.FACILITATEUR)
        .exclude(pk=membership.pk)
        .exists()
    )


@transaction.atomic
def leave(user, team):
    """Leave a team. The last facilitateur of a team that has other members
    is refused; the last member leaves an empty team (animateurs told)."""
    team = _locked(team)
    membership = TeamMembership.objects.filter(team=team, user=user).first()
    if membership is None:
        raise MembershipError(_("Vous ne faites pas partie de cette équipe."))
    others = TeamMembership.objects.filter(team=team).exclude(pk=membership.pk)
    if (
        membership.is_facilitator
        and others.exists()
        and not _other_facilitators(team, membership)
    ):
        raise MembershipError(
            _(
                "Vous êtes le seul facilitateur de l'équipe : nommez d'abord un "
                "autre facilitateur parmi ses membres, puis quittez l'équipe."
            )
        )
    membership.delete()
    policy.forget(user)
    if not others.exists():
        publish(
            TEAM_EMPTY,
            user,
            team,
            animateurs(team.community),
            {"team": team, "member": user},
            "members/email/team_empty",
        )
    return team


@transaction.atomic
def set_role(team, member, role, by):
    """Name a member facilitateur, or make a facilitateur a participant again
    (as long as another facilitateur remains)."""
    if role not in TeamRole.values:
        raise MembershipError(_("Rôle inconnu."))
    team = _locked(team)
    if not policy.can_moderate(by, team):
        raise MembershipError(
            _(
                "Seuls les facilitateurs de l'équipe et les animateurs de "
                "l'e-communauté nomment les facilitateurs."
            )
        )
    membership = TeamMembership.objects.filter(team=team, user=member).first()
    if membership is None:
        raise MembershipError(_("Cette personne ne fait pas partie de l'équipe."))
    if membership.role == role:
        return membership
    if (
        role == TeamRole.PARTICIPANT
        and membership.is_facilitator
        and not _other_facilitators(team, membership)
    ):
        raise MembershipError(
            _(
                "L'équipe garde au moins un facilitateur : nommez-en un autre "
                "avant de retirer ce rôle à %(member)s."
            )
            % {"member": member}
        )
    membership.role = role
    membership.save(update_fields=["role"])
    policy.forget(member)
    return membership


@transaction.atomic
def update_settings(team, by, *, join_policy, max_size):
    """How the team admits people: open or on request, and its size cap."""
    team = _locked(team)
    if not policy.can_moderate(by, team):
        raise MembershipError(
            _("Seuls les facilitateurs de l'équipe et les animateurs la règlent.")
        )
    count = member_count(team)
    if max_size and max_size < count:
        raise MembershipError(
            _(
                "L'équipe compte déjà %(count)s membres : sa taille maximale ne "
                "peut pas être inférieure."
            )
            % {"count": count}
        )
    team.join_policy = join_policy
    team.max_size = max_size
    team.save(update_fields=["join_policy", "max_size"])
    return team
