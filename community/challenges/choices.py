from django.db import models
from django.utils.translation import gettext_lazy as _


class ChallengeStatus(models.TextChoices):
    """Where a défi stands, from its proposal to what became of it."""

    PROPOSED = "propose", _("Proposé")
    SELECTED = "retenu", _("Retenu")
    IN_WORKSHOP = "en-atelier", _("En atelier")
    PROTOTYPE_TESTED = "prototype-teste", _("Prototype testé")
    DEPLOYED = "deploye", _("Déployé")
    ABANDONED = "abandonne", _("Abandonné")


# The lifecycle: a défi moves forward one step at a time, or is abandoned;
# « déployé » and « abandonné » are final.
TRANSITIONS = {
    ChallengeStatus.PROPOSED: {ChallengeStatus.SELECTED, ChallengeStatus.ABANDONED},
    ChallengeStatus.SELECTED: {ChallengeStatus.IN_WORKSHOP, ChallengeStatus.ABANDONED},
    ChallengeStatus.IN_WORKSHOP: {
        ChallengeStatus.PROTOTYPE_TESTED,
        ChallengeStatus.ABANDONED,
    },
    ChallengeStatus.PROTOTYPE_TESTED: {
        ChallengeStatus.DEPLOYED,
        ChallengeStatus.ABANDONED,
    },
    ChallengeStatus.DEPLOYED: set(),
    ChallengeStatus.ABANDONED: set(),
}


class CollectivityKind(models.TextChoices):
    COMMUNE = "commune", _("Commune")
    INTERCOMMUNALITY = (
        "intercommunalite",
        _("Intercommunalité, agglomération, métropole"),
    )
    DEPARTMENT = "departement", _("Département")
    REGION = "region", _("Région")
    EUROPEAN_CITY = "ville-europeenne", _("Collectivité européenne")
    PUBLIC_BODY = "etablissement", _("Établissement public, CNFPT, État")
    OTHER = "autre", _("Autre organisation (association, entreprise, tiers-lieu)")


class ChallengeRole(models.TextChoices):
    HOLDER = "porteur", _("Porteur du défi")
    FACILITATOR = "facilitateur", _("Facilitateur")
