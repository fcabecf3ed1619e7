"""What members do with communities: join, ask, invite, approve, leave,
remove. Each action checks the policy, runs in one transaction and raises
``MembershipError`` with a message for the member when it cannot. Learning
teams have theirs in ``teams.py``."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from home.mail import send_templated_mail
from home.notices import publish

from . import policy
from .choices import CommunityAccess, MembershipRole, RequestStatus
from .models import (
    Invitation,
    Membership,
    MembershipRequest,
    TeamJoinRequest,
    TeamMembership,
)
from .notices import REQUEST_DECIDED, REQUEST_RECEIVED


class MembershipError(Exception):
    """An action refused, with a message to show."""


def membership_of(user, community):
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, community=community).first()


def animateurs(community):
    return [
        m.user
        for m in Membership.objects.filter(
            community=community, role=MembershipRole.ANIMATEUR
        ).select_related("user")
    ]


@transaction.atomic
def join(user, community, message=""):
    """Join a public community at once, or ask to join a restricted one."""
    if membership_of(user, community):
        raise MembershipError(_("Vous êtes déjà membre de cette e-communauté."))
    if community.access == CommunityAccess.PUBLIC:
        Membership.objects.create(user=user, community=community)
        policy.forget(user)
        return None
    if community.access == CommunityAccess.SECRET:
        raise MembershipError(
            _("On rejoint cette e-communauté uniquement sur invitation.")
        )
    if MembershipRequest.objects.filter(
        user=user, community=community, status=RequestStatus.PENDING
    ).exists():
        raise MembershipError(_("Votre demande est déjà en attente de réponse."))
    request = MembershipRequest.objects.create(
        user=user, community=community, message=message
    )
    publish(
        REQUEST_RECEIVED,
        user,
        request,
        animateurs(community),
        {"request": request, "community": community},
        "members/email/request_received",
    )
    return request


@transaction.atomic
def decide(request, by, approve):
    """An animateur approves or rejects a pending request."""
    locked = MembershipRequest.objects.select_for_update().get(pk=request.pk)
    if not policy.can_moderate(by, locked.community):
        raise MembershipError(
            _("Seuls les animateurs de cette e-communauté peuvent répondre.")
        )
    if locked.status != RequestStatus.PENDING:
        raise MembershipError(_("Cette demande a déjà reçu une réponse."))
    locked.status = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
    locked.decided_by = by
    locked.decided_at = timezone.now()
    locked.save()
    if approve:
        Membership.objects.get_or_create(user=locked.user, community=locked.community)
        policy.forget(locked.user)
    publish(
        REQUEST_DECIDED,
        by,
        locked,
        [locked.user],
        {"request": locked, "community": locked.community, "approved": approve},
        "members/email/request_decided",
    )
    return locked


@transaction.atomic
def invite(community, email, by, role=MembershipRole.MEMBER):
    if not policy.can_moderate(by, community):
        raise MembershipError(
            _("Seuls les animateurs de cette e-communauté peuvent inviter.")
        )
    if Membership.objects.filter(
        community=community, user__email__iexact=email
    ).exists():
        raise MembershipError(_("Cette personne est déjà membre de l'e-communauté."))
    invitation = Invitation.objects.create(
        community=community, email=email, invited_by=by, role=role
    )
    send_templated_mail(
        "members/email/invitation",
        [email],
        {"invitation": invitation, "community": community, "inviter": by},
    )
    return invitation


@transaction.atomic
def accept_invitation(token, user):
    invitation = Invitation.objects.select_for_update().filter(token=token).first()
    if invitation is None:
        raise MembershipError(_("Ce lien d'invitation n'est pas valide."))
    if invitation.is_used:
        raise MembershipError(_("Cette invitation a déjà été utilisée."))
    if invitation.is_expired:
        raise MembershipError(
            _("Cette invitation a expiré : demandez-en une nouvelle à un animateur.")
        )
    try:
        with transaction.atomic():
            Membership.objects.create(
                user=user, community=invitation.community, role=invitation.role
            )
    except IntegrityError:
        raise MembershipError(
            _("Vous êtes déjà membre de cette e-communauté.")
        ) from None
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    policy.forget(user)
    return invitation


def _leave_teams_of(user, community):
    """Someone who leaves a community leaves its teams, and their pending
    requests to join one are withdrawn."""
    TeamMembership.objects.filter(user=user, team__community=community).delete()
    TeamJoinRequest.objects.filter(
        user=user, team__community=community, status=RequestStatus.PENDING
    ).update(status=RequestStatus.CANCELLED, decided_at=timezone.now())


@transaction.atomic
def leave(user, community):
    membership = membership_of(user, community)
    if membership is None:
        raise MembershipError(_("Vous n'êtes pas membre de cette e-communauté."))
    if (
        membership.role == MembershipRole.ANIMATEUR
        and not Membership.objects.filter(
            community=community, role=MembershipRole.ANIMATEUR
        )
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise MembershipError(
            _("Vous êtes le seul animateur : nommez-en un autre avant de partir.")
        )
    _leave_teams_of(user, community)
    membership.delete()
    policy.forget(user)


@transaction.atomic
def remove_member(community, member, by):
    if not policy.can_moderate(by, community):
        raise MembershipError(
            _("Seuls les animateurs de cette e-communauté peuvent retirer un membre.")
        )
    if member.pk == by.pk:
        raise MembershipError(_("Pour partir vous-même, utilisez « Quitter »."))
    deleted, _details = Membership.objects.filter(
        community=community, user=member
    ).delete()
    if not deleted:
        raise MembershipError(_("Cette personne n'est pas membre de l'e-communauté."))
    _leave_teams_of(member, community)
