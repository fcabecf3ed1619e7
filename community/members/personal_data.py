"""RGPD: what a member's data export contains and what erasing them does.

Each app registers, for the data it holds about a member, an *exporter*
``(user) -> JSON-serialisable`` with ``register_exporter(name, function)`` and
an *eraser* ``(user, delete_contributions)`` that anonymises or deletes it with
``register_eraser(function, order=…)``, from its ``personal_data.register()``
called by its ``AppConfig.ready()``. The discussions and carnets apps add
theirs.

Erasers run by increasing ``order`` (then in registration order), whatever the
order the apps are loaded in: the account eraser, which anonymises the
account itself (``membre-supprime-N``), has ``ACCOUNT_ORDER`` and runs last,
so every other eraser still sees the member's real e-mail, name, memberships
and teams (to find their @mentions, their team's carnet entries…).
"""

from django.db import transaction
from django.utils import timezone

from .models import (
    Invitation,
    Membership,
    MembershipRequest,
    Profile,
    TeamJoinRequest,
    TeamMembership,
    TermsConsent,
)

DEFAULT_ORDER = 100
ACCOUNT_ORDER = 1000  # last: the account is anonymised after everything else

_exporters = {}
_erasers = {}  # function -> (order, registration number)


def register_exporter(name, function):
    _exporters[name] = function
    return function


def register_eraser(function, order=DEFAULT_ORDER):
    number = _erasers[function][1] if function in _erasers else len(_erasers)
    _erasers[function] = (order, number)
    return function


def erasers():
    """The erasers, in the order they run."""
    return sorted(_erasers, key=_erasers.get)


def export_member_data(user):
    data = {"exporte_le": timezone.now().isoformat()}
    for name, exporter in _exporters.items():
        data[name] = exporter(user)
    return data


@transaction.atomic
def erase_member(user, delete_contributions=False):
    """Erase the member's personal data in one transaction; contributions are
    kept under « Membre supprimé » or deleted, as the member chose."""
    for eraser in erasers():
        eraser(user, delete_contributions)


# --- This app's data --------------------------------------------------------


def export_account(user):
    return {
        "adresse_electronique": user.email,
        "nom_affiche": user.display_name,
        "inscrit_le": user.date_joined.isoformat(),
        "derniere_connexion": user.last_login.isoformat() if user.last_login else None,
        "consentements": [
            {"version": c.version, "accepte_le": c.accepted_at.isoformat()}
            for c in TermsConsent.objects.filter(user=user)
        ],
    }


def export_profile(user):
    profile = (
        Profile.objects.filter(user=user).prefetch_related("interests", "links").first()
    )
    if profile is None:
        return None
    return {
        "fonction": profile.job_title,
        "organisation": profile.organisation,
        "cadre_d_emplois": profile.get_employment_framework_display(),
        "territoire": profile.get_territory_display(),
        "presentation": profile.bio,
        "photo": profile.avatar.name or None,
        "centres_d_interet": [theme.name for theme in profile.interests.all()],
        "liens": [
            {"libelle": link.label, "adresse": link.url} for link in profile.links.all()
        ],
        "visibilites": {
            name.removesuffix("_visibility"): getattr(profile, name)
            for name in (f.name for f in Profile._meta.fields)
            if name.endswith("_visibility")
        },
    }


def export_memberships(user):
    return {
        "adhesions": [
            {
                "communaute": m.community.name,
                "role": m.get_role_display(),
                "depuis": m.joined_at.isoformat(),
            }
            for m in Membership.objects.filter(user=user).select_related("community")
        ],
        "demandes": [
            {
                "communaute": r.community.name,
                "message": r.message,
                "etat": r.get_status_display(),
                "le": r.created_at.isoformat(),
            }
            for r in MembershipRequest.objects.filter(user=user).select_related(
                "community"
            )
        ],
        "equipes": [
            {
                "equipe": t.team.name,
                "role": t.get_role_display(),
                "depuis": t.joined_at.isoformat(),
            }
            for t in TeamMembership.objects.filter(user=user).select_related("team")
        ],
        "demandes_equipes": [
            {
                "equipe": r.team.name,
                "message": r.message,
                "etat": r.get_status_display(),
                "le": r.created_at.isoformat(),
                "decidee_le": r.decided_at.isoformat() if r.decided_at else None,
            }
            for r in TeamJoinRequest.objects.filter(user=user).select_related("team")
        ],
    }


def erase_account(user, delete_contributions):
    from django.contrib.sessions.models import Session

    from allauth.account.models import EmailAddress
    from allauth.socialaccount.models import SocialAccount

    profile = Profile.objects.filter(user=user).first()
    if profile is not None:
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()  # links cascade
    Membership.objects.filter(user=user).delete()
    MembershipRequest.objects.filter(user=user).delete()
    TeamMembership.objects.filter(user=user).delete()
    TeamJoinRequest.objects.filter(user=user).delete()
    TermsConsent.objects.filter(user=user).delete()
    Invitation.objects.filter(email__iexact=user.email).delete()
    EmailAddress.objects.filter(user=user).delete()
    SocialAccount.objects.filter(user=user).delete()
    try:
        from allauth.mfa.models import Authenticator

        Authenticator.objects.filter(user=user).delete()
    except ImportError:  # pragma: no cover - allauth.mfa is installed
        pass
    # Sessions store the user id in an encoded blob: decode to find theirs.
    for session in Session.objects.all().iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
    # The row stays, so that kept contributions still point at "Membre supprimé".
    user.email = f"membre-supprime-{user.pk}@invalid"
    user.username = f"membre-supprime-{user.pk}"
    user.display_name = ""
    user.first_name = ""
    user.last_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.is_deleted = True
    user.last_login = None
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def register():
    register_exporter("compte", export_account)
    register_exporter("profil", export_profile)
    register_exporter("communautes", export_memberships)
    register_eraser(erase_account, order=ACCOUNT_ORDER)
