"""A team's carnet, its entries with their revisions and attachments, secret
links, and the record of follow-up reminders sent.

Entries are written in a small Markdown subset (``text.py`` renders and
sanitises it). Every save goes through ``editing.save_entry``: it bumps
``version`` only if the writer started from the current version, and records
a revision, so that no edit is ever silently overwritten or lost.
"""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import (
    AttachmentKind,
    Checkpoint,
    EntryKind,
    EntrySharing,
    Moment,
    Sharing,
)

SECRET_LINK_DAYS = 30


class Carnet(models.Model):
    """The carnet d'apprentissage of one équipe apprenante."""

    team = models.OneToOneField(
        "members.LearningTeam",
        on_delete=models.CASCADE,
        related_name="carnet",
        verbose_name=_("équipe apprenante"),
    )
    visibility = models.CharField(
        _("partage du carnet"),
        max_length=12,
        choices=Sharing.choices,
        default=Sharing.TEAM,
        help_text=_(
            "Qui peut lire le carnet et les entrées qui suivent son partage. "
            "Chaque entrée peut choisir un autre partage."
        ),
    )
    keep_departed_entries = models.BooleanField(
        _("garder les contributions des comptes supprimés"),
        default=False,
        help_text=_(
            "Si un membre supprime son compte, ses contributions individuelles "
            "restent dans le carnet, signées « Membre supprimé » (sauf s'il "
            "demande leur effacement). Les synthèses collectives restent toujours."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("carnet d'apprentissage")
        verbose_name_plural = _("carnets d'apprentissage")

    def __str__(self):
        return str(_("Carnet de %(team)s") % {"team": self.team})

    def get_absolute_url(self):
        return reverse("carnets:carnet", kwargs={"slug": self.team.slug})


class EntryQuerySet(models.QuerySet):
    def with_sharing(self, level):
        """Entries whose effective sharing is ``level`` (their own, or their
        carnet's when they follow it)."""
        return self.filter(sharing_q(level))

    def for_page(self):
        return self.select_related("author", "updated_by", "prompt").prefetch_related(
            "attachments"
        )


def sharing_q(level, prefix=""):
    """Condition: the effective sharing of an entry is ``level``."""
    return models.Q(**{f"{prefix}visibility": level}) | models.Q(
        **{
            f"{prefix}visibility": EntrySharing.CARNET,
            f"{prefix}carnet__visibility": level,
        }
    )


class Entry(models.Model):
    """An entry of a carnet: a member's signed contribution, or the team's
    collective synthesis of a moment (co-edited)."""

    carnet = models.ForeignKey(Carnet, on_delete=models.CASCADE, related_name="entries")
    moment = models.CharField(_("moment"), max_length=10, choices=Moment.choices)
    checkpoint = models.PositiveSmallIntegerField(
        _("point d'étape"),
        choices=Checkpoint.choices,
        null=True,
        blank=True,
        help_text=_("Pour les suites : combien de mois après l'événement."),
    )
    kind = models.CharField(
        _("type d'entrée"),
        max_length=12,
        choices=EntryKind.choices,
        default=EntryKind.INDIVIDUAL,
    )
    prompt = models.ForeignKey(
        "carnets.CarnetPrompt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",  # prompts do not list the entries that answer them
        verbose_name=_("question guide"),
    )
    title = models.CharField(_("titre"), max_length=200)
    body = models.TextField(_("texte"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carnet_entries",
        verbose_name=_("autrice ou auteur"),
    )
    visibility = models.CharField(
        _("partage"),
        max_length=12,
        choices=EntrySharing.choices,
        default=EntrySharing.CARNET,
    )
    related_pages = models.ManyToManyField(
        "wagtailcore.Page",
        blank=True,
        related_name="+",  # pages do not list the entries citing them
        verbose_name=_("ressources et défis liés"),
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    # Where an imported entry comes from (« trello:<card id> »): importing the
    # same board again updates it instead of adding a copy.
    source_key = models.CharField(max_length=100, blank=True, editable=False)
    created_at = models.DateTimeField(_("écrite le"), default=timezone.now)
    updated_at = models.DateTimeField(_("modifiée le"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("entrée du carnet")
        verbose_name_plural = _("entrées du carnet")
        indexes = [models.Index(fields=["carnet", "moment"])]
        constraints = [
            # One collective synthesis per moment (and per checkpoint of the
            # suites): two members starting it at once meet on the conflict
            # screen instead of writing two.
            models.UniqueConstraint(
                "carnet",
                "moment",
                Coalesce("checkpoint", 0),
                condition=models.Q(kind=EntryKind.COLLECTIVE),
                name="one_collective_entry_per_moment",
            ),
            models.UniqueConstraint(
                fields=["carnet", "source_key"],
                condition=~models.Q(source_key=""),
                name="one_entry_per_source",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("carnets:entry", kwargs={"pk": self.pk})

    @property
    def is_collective(self):
        return self.kind == EntryKind.COLLECTIVE

    @property
    def sharing(self):
        """The effective sharing level (a ``Sharing`` value)."""
        if self.visibility == EntrySharing.CARNET:
            return self.carnet.visibility
        return self.visibility

    def signature(self):
        """Who the entry is by, as shown to readers."""
        if self.is_collective:
            return _("L'équipe")
        return str(self.author) if self.author_id else _("Membre supprimé")


class EntryRevision(models.Model):
    """One saved state of an entry: every save adds one, numbered like the
    entry's version, so the history can be listed, compared and restored."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("titre"), max_length=200)
    body = models.TextField(_("texte"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("version d'une entrée")
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "version"], name="unique_entry_revision"
            )
        ]

    def __str__(self):
        return f"{self.entry} (v{self.version})"


def attachment_path(instance, filename):
    # A random folder: the name is shown to readers, never used to find the file.
    return f"carnets/{uuid.uuid4().hex}/{filename}"


class Attachment(models.Model):
    """An image or a document attached to an entry, checked by its content."""

    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("fichier"), upload_to=attachment_path, max_length=255)
    name = models.CharField(_("nom du fichier"), max_length=150)
    kind = models.CharField(max_length=10, choices=AttachmentKind.choices)
    description = models.CharField(
        _("description"),
        max_length=250,
        blank=True,
        help_text=_(
            "Pour une image : ce qu'elle montre, lu par les lecteurs d'écran "
            "(texte alternatif)."
        ),
    )
    size = models.PositiveIntegerField(_("taille (octets)"), default=0)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(
            "carnets:attachment", kwargs={"pk": self.entry_id, "attachment": self.pk}
        )

    @property
    def is_image(self):
        return self.kind == AttachmentKind.IMAGE


def new_link_token():
    return secrets.token_urlsafe(32)


def default_link_expiry():
    return timezone.now() + timedelta(days=SECRET_LINK_DAYS)


class ShareLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ShareLink(models.Model):
    """A secret, read-only link to a whole carnet or to one entry: unguessable,
    revocable, with an expiry. Whoever holds it reads without logging in."""

    carnet = models.ForeignKey(
        Carnet, on_delete=models.CASCADE, related_name="share_links"
    )
    entry = models.ForeignKey(
        Entry,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="share_links",
        help_text=_("Vide : le lien ouvre tout le carnet."),
    )
    token = models.CharField(
        max_length=64, unique=True, default=new_link_token, editable=False
    )
    label = models.CharField(
        _("pour qui"),
        max_length=120,
        blank=True,
        help_text=_("Pour vous souvenir à qui vous l'avez donné."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expire le"), default=default_link_expiry)
    revoked_at = models.DateTimeField(_("révoqué le"), null=True, blank=True)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("lien secret")
        verbose_name_plural = _("liens secrets")

    def __str__(self):
        return self.label or str(_("Lien secret"))

    def get_absolute_url(self):
        return reverse("carnets:shared", kwargs={"token": self.token})

    @property
    def is_active(self):
        return self.revoked_at is None and timezone.now() < self.expires_at


class CarnetReminder(models.Model):
    """A follow-up reminder sent to a team (one per checkpoint, never twice)."""

    carnet = models.ForeignKey(
        Carnet, on_delete=models.CASCADE, related_name="reminders"
    )
    checkpoint = models.PositiveSmallIntegerField(choices=Checkpoint.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["carnet", "checkpoint"], name="one_reminder_per_checkpoint"
            )
        ]
        verbose_name = _("relance des suites")

    def __str__(self):
        return f"{self.carnet} — {self.get_checkpoint_display()}"
