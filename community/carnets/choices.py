from django.db import models
from django.utils.translation import gettext_lazy as _


class Moment(models.TextChoices):
    """The three moments of the équipes apprenantes (seed 002), then the suites."""

    BEFORE = "before", _("Moment 1 — cadrer et partager ses objectifs")
    DURING = "during", _("Moment 2 — partager ses apprentissages et questions")
    AFTER = "after", _("Moment 3 — partager et engagements")
    FOLLOW_UP = "suites", _("Suites — nos engagements, 1, 3 et 6 mois après")


MOMENT_ORDER = {moment: index for index, moment in enumerate(Moment.values)}


class Checkpoint(models.IntegerChoices):
    """When the commitments of moment 3 are revisited, in months after the event."""

    ONE_MONTH = 1, _("1 mois après")
    THREE_MONTHS = 3, _("3 mois après")
    SIX_MONTHS = 6, _("6 mois après")


class EntryKind(models.TextChoices):
    INDIVIDUAL = "individuelle", _("Contribution individuelle (signée)")
    COLLECTIVE = "collective", _("Synthèse collective de l'équipe")


class Sharing(models.TextChoices):
    """Who may read a carnet (and the entries that follow it). A secret link
    adds read access for whoever holds it, on top of any level."""

    TEAM = "equipe", _("L'équipe (ses membres et ses facilitateurs)")
    COMMUNITY = "communaute", _("L'e-communauté de l'équipe")
    MEMBERS = "membres", _("Tous les membres connectés")
    PUBLIC = "public", _("Tout le monde (public)")


# Wider sharing comes later: used to compare levels.
SHARING_ORDER = {level: index for index, level in enumerate(Sharing.values)}


class EntrySharing(models.TextChoices):
    CARNET = "carnet", _("Comme le carnet")
    TEAM = Sharing.TEAM.value, Sharing.TEAM.label
    COMMUNITY = Sharing.COMMUNITY.value, Sharing.COMMUNITY.label
    MEMBERS = Sharing.MEMBERS.value, Sharing.MEMBERS.label
    PUBLIC = Sharing.PUBLIC.value, Sharing.PUBLIC.label


class AttachmentKind(models.TextChoices):
    IMAGE = "image", _("Image")
    DOCUMENT = "document", _("Document")


class FacilitatorSharing(models.TextChoices):
    FACILITATORS = "facilitateurs", _("Les facilitateurs du défi")
    TEAMS = "equipes", _("Les facilitateurs et les équipes du défi")
    MEMBERS = "membres", _("Tous les membres connectés")
    PUBLIC = "public", _("Tout le monde (public)")


class WorkshopStep(models.IntegerChoices):
    """The facilitator's carnet: the six étapes of the défi workshops, then the
    exposition (seed 002, « déroulé de l'animation des ateliers de défis »)."""

    APPROPRIATE = 1, _("Étape 1 — s'approprier le défi")
    UNDERSTAND = 2, _("Étape 2 — mieux comprendre le défi (mini-immersion)")
    FRAME = 3, _("Étape 3 — faire du sens et cadrer un prototype")
    BUILD = 4, _("Étape 4 — construire et préparer le prototype")
    RUN = 5, _("Étape 5 — dérouler le prototype et capturer l'information")
    LEARN = 6, _("Étape 6 — apprentissages et préparation de l'exposition")
    EXPOSITION = 7, _("Exposition collective des défis")
