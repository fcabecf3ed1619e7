from django.db import models
from django.utils.translation import gettext_lazy as _


class ThreadKind(models.TextChoices):
    DISCUSSION = "discussion", _("Discussion")
    DEBATE = "debate", _("Débat (pour, neutre, contre)")
    COMMENTS = "comments", _("Commentaires d'une ressource")


class PostState(models.TextChoices):
    """Where a thread's opening post or a comment stands."""

    VISIBLE = "visible", _("Visible")
    HIDDEN = "hidden", _("Masqué en attente de modération")
    REMOVED = "removed", _("Supprimé")


class ReactionKind(models.TextChoices):
    """The small fixed set of reactions. The three stances exist on debate
    threads only, and a member takes one stance at a time."""

    THUMBS_UP = "thumbs_up", _("Utile")
    FOR = "for", _("Pour")
    NEUTRAL = "neutral", _("Neutre")
    AGAINST = "against", _("Contre")


STANCES = (ReactionKind.FOR, ReactionKind.NEUTRAL, ReactionKind.AGAINST)


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Indésirable ou publicité")
    ABUSE = "abuse", _("Propos injurieux, harcèlement ou discrimination")
    PERSONAL_DATA = "personal_data", _("Données personnelles exposées")
    OFF_TOPIC = "off_topic", _("Hors sujet")
    OTHER = "other", _("Autre raison")


class ReportStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    UPHELD = "upheld", _("Retenu")
    DISMISSED = "dismissed", _("Écarté")


class ModerationAction(models.TextChoices):
    APPROVE = "approve", _("Rétabli")
    HIDE = "hide", _("Masqué")
    DELETE = "delete", _("Supprimé")
    WARN = "warn", _("Auteur averti")
    LOCK = "lock", _("Fil verrouillé")
    UNLOCK = "unlock", _("Fil déverrouillé")
    PIN = "pin", _("Fil épinglé")
    UNPIN = "unpin", _("Fil désépinglé")
    ARCHIVE = "archive", _("Fil archivé")
    UNARCHIVE = "unarchive", _("Fil désarchivé")
