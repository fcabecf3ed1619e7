from django.db import models
from django.utils.translation import gettext_lazy as _

# The territories are the bottom layer's (one notion of a place for members,
# communities, venues and the search facet); re-exported for this app's code.
from home.territories import Territory as Territory


class Visibility(models.TextChoices):
    """Who may see one field of a member's profile."""

    PUBLIC = "public", _("Tout le monde")
    MEMBERS = "members", _("Les membres connectés")
    HIDDEN = "hidden", _("Personne (masqué)")


class EmploymentFramework(models.TextChoices):
    """Cadres d'emplois of the fonction publique territoriale, grouped simply."""

    ADMINISTRATEUR = "administrateur", _("Administrateur territorial")
    ATTACHE = "attache", _("Attaché territorial")
    REDACTEUR = "redacteur", _("Rédacteur territorial")
    INGENIEUR = "ingenieur", _("Ingénieur territorial")
    TECHNICIEN = "technicien", _("Technicien territorial")
    CONSEILLER_APS = (
        "conseiller-aps",
        _("Conseiller des activités physiques et sportives"),
    )
    CULTURE = "culture", _("Filière culturelle")
    SOCIAL = "social", _("Filière médico-sociale")
    ANIMATION = "animation", _("Filière animation")
    ELU = "elu", _("Élu ou collaborateur d'élu")
    CONTRACTUEL = "contractuel", _("Contractuel")
    PARTENAIRE = "partenaire", _("Partenaire hors fonction publique")
    OTHER = "autre", _("Autre")


class CommunityKind(models.TextChoices):
    NATIONAL = "national", _("Nationale")
    LOCAL = "local", _("Locale (site ou territoire)")


class CommunityAccess(models.TextChoices):
    """Who reads a community and how one joins it."""

    PUBLIC = "public", _("Publique : tout le monde lit, les membres écrivent")
    RESTRICTED = (
        "restricted",
        _("Restreinte : les membres lisent et écrivent, adhésion sur demande"),
    )
    SECRET = "secret", _("Secrète : sur invitation, invisible des autres")


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Membre")
    ANIMATEUR = "animateur", _("Animateur")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    APPROVED = "approved", _("Acceptée")
    REJECTED = "rejected", _("Refusée")
    CANCELLED = "cancelled", _("Annulée")


class TeamRole(models.TextChoices):
    PARTICIPANT = "participant", _("Participant")
    FACILITATEUR = "facilitateur", _("Facilitateur")


class TeamJoinPolicy(models.TextChoices):
    """How one joins a learning team: the team chooses."""

    OPEN = "open", _("Ouverte : les membres de l'e-communauté la rejoignent librement")
    ON_REQUEST = (
        "request",
        _("Sur demande : les facilitateurs acceptent chaque nouvelle personne"),
    )
