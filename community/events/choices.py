from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeZoneName(models.TextChoices):
    """The time zones of the université's sites (IANA names)."""

    PARIS = "Europe/Paris", _("Heure de Paris (métropole)")
    REUNION = "Indian/Reunion", _("Heure de La Réunion")
    MARTINIQUE = "America/Martinique", _("Heure de la Martinique")
    GUADELOUPE = "America/Guadeloupe", _("Heure de la Guadeloupe")
    GUYANE = "America/Cayenne", _("Heure de la Guyane")
    MAYOTTE = "Indian/Mayotte", _("Heure de Mayotte")
    NOUMEA = "Pacific/Noumea", _("Heure de la Nouvelle-Calédonie")
    TAHITI = "Pacific/Tahiti", _("Heure de Tahiti")


class EditionKind(models.TextChoices):
    UNIVERSITY = "universite", _("Université d'été (plusieurs jours, plusieurs sites)")
    DAY = "journee", _("Journée d'étude ou rencontre")


class SessionKind(models.TextChoices):
    """What happens in a slot of the programme (seed 002's « briques »)."""

    WELCOME = "accueil", _("Accueil")
    PLENARY = "pleniere", _("Plénière")
    CHALLENGE_STEP = "defis", _("Défis (étape)")
    MINI_CONFERENCE = "mini-conference", _("Mini-conférence")
    WORKSHOP = "atelier", _("Atelier")
    EXPOSITION = "exposition", _("Exposition des défis")
    TEAM_MOMENT = "equipes", _("Moment des équipes apprenantes")
    ROUND_TABLE = "table-ronde", _("Table ronde ou intervention")
    DEBATE = "debat", _("Débat avec la salle")
    BREAK = "pause", _("Pause ou repas")


class ChallengeStep(models.IntegerChoices):
    """The six étapes of a défi during the event."""

    APPROPRIATE = 1, _("Étape 1 — s'approprier le défi")
    UNDERSTAND = 2, _("Étape 2 — mieux comprendre le défi (mini-immersion)")
    FRAME = 3, _("Étape 3 — faire du sens et cadrer un prototype")
    BUILD = 4, _("Étape 4 — construire et préparer le prototype")
    RUN = 5, _("Étape 5 — dérouler le prototype et capturer l'information")
    LEARN = 6, _("Étape 6 — apprentissages et préparation de l'exposition")


class TeamMoment(models.IntegerChoices):
    """The three moments of the équipes apprenantes."""

    BEFORE = 1, _("Moment 1 — cadrer et partager ses objectifs")
    DURING = 2, _("Moment 2 — partager ses apprentissages et questions")
    AFTER = 3, _("Moment 3 — partager et s'engager")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Inscrit")
    WAITING = "waiting", _("Sur liste d'attente")
    CANCELLED = "cancelled", _("Désinscrit")


class ProposalKind(models.TextChoices):
    WORKSHOP = "atelier", _("Intervention dans un atelier (rencontre)")
    CASE_STUDY = "cas-pratique", _("Cas pratique")


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    RECEIVED = "received", _("Reçue")
    REVIEWING = "reviewing", _("En examen")
    ACCEPTED = "accepted", _("Retenue")
    REJECTED = "rejected", _("Non retenue")


# The committee's selection workflow; the author moves DRAFT → RECEIVED by
# submitting. A decision can be reopened (back to REVIEWING) before it is final.
PROPOSAL_TRANSITIONS = {
    ProposalStatus.DRAFT: {ProposalStatus.RECEIVED},
    ProposalStatus.RECEIVED: {ProposalStatus.REVIEWING},
    ProposalStatus.REVIEWING: {ProposalStatus.ACCEPTED, ProposalStatus.REJECTED},
    ProposalStatus.ACCEPTED: {ProposalStatus.REVIEWING},
    ProposalStatus.REJECTED: {ProposalStatus.REVIEWING},
}


class Gender(models.TextChoices):
    """Asked of speakers only, for the parity rule of the call (one woman, one man)."""

    WOMAN = "femme", _("Femme")
    MAN = "homme", _("Homme")
