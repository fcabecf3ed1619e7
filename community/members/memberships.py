"""What members do with communities and teams: join, ask, invite, approve,
leave, remove. Each action checks the policy, runs in one transaction and
raises ``MembershipError`` with a message for the member when it cannot."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from home.mail import send_templated_mail

from . import policy
from .choices import CommunityAccess, MembershipRole, RequestStatus, TeamRole
from .models import Invitation, Membership, MembershipRequest, TeamMembership


class MembershipError(Exception):
    """An action refused, with a message to show."""


def membership_of(user, community):
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, community=community).first()


def animateurs_emails(community):
    return list(
        Membership.objects.filter(community=community, role=MembershipRole.ANIMATEUR)
        .select_related("user")
        .values_list("user__email", flat=True)
    )


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
    recipients = animateurs_emails(community)
    if recipients:
        send_templated_mail(
            "members/email/request_received",
            recipients,
            {"request": request, "community": community},
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
    send_templated_mail(
        "members/email/request_decided",
        [locked.user.email],
        {"request": locked, "community": locked.community, "approved": approve},
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
    TeamMembership.objects.filter(user=user, team__community=community).delete()
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
    TeamMembership.objects.filter(user=member, team__community=community).delete()


@transaction.atomic
def add_to_team(team, member, by, role=TeamRole.PARTICIPANT):
    if not policy.can_edit(by, team):
        raise MembershipError(
            _("Seuls les membres de l'équipe peuvent y ajouter quelqu'un.")
        )
    if not Membership.objects.filter(community=team.community, user=member).exists():
        raise MembershipError(
            _("Cette personne n'est pas membre de l'e-communauté de l'équipe.")
        )
    _membership, created = TeamMembership.objects.get_or_create(
        team=team, user=member, defaults={"role": role}
    )
    if not created:
        raise MembershipError(_("Cette personne fait déjà partie de l'équipe."))


@transaction.atomic
def leave_team(user, team):
    deleted, _details = TeamMembership.objects.filter(team=team, user=user).delete()
    if not deleted:
        raise MembershipError(_("Vous ne faites pas partie de cette équipe."))
    policy.forget(user)
