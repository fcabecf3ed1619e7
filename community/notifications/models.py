"""Notifications, follows and each member's e-mail preferences."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import Frequency, Level, MemberTimezone


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def pending_mail(self):
        """Not read in the app, not e-mailed yet: what a digest may carry."""
        return self.filter(read_at__isnull=True, emailed_at__isnull=True)


class Notification(models.Model):
    """Something that happened that one member is told of, in the centre
    (``/communaute/notifications/``) and by e-mail as they chose."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    event_type = models.CharField(_("type"), max_length=60)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",  # nobody lists « notifications I caused »
    )
    target_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    verb = models.CharField(_("ce qui s'est passé"), max_length=300)
    excerpt = models.TextField(_("extrait"), blank=True)
    space = models.CharField(_("espace"), max_length=200, blank=True)
    url = models.CharField(_("lien"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("lue le"), null=True, blank=True)
    emailed_at = models.DateTimeField(
        _("envoyée par courriel le"), null=True, blank=True
    )

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["recipient", "read_at"], name="notif_recipient_read_idx"
            ),
            models.Index(
                fields=["emailed_at", "read_at", "created_at"],
                name="notif_pending_mail_idx",
            ),
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self):
        return self.verb

    @property
    def is_read(self):
        return self.read_at is not None


class Follow(models.Model):
    """A member follows a thread, a space (community, team, défi) or an item,
    at a level: *suivi*, *normal* or *silencieux*."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    target_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    level = models.CharField(
        _("niveau"), max_length=12, choices=Level.choices, default=Level.WATCHING
    )
    automatic = models.BooleanField(
        _("automatique"),
        default=False,
        help_text=_("Suivi parce que le membre l'a lancé, y a répondu ou y est cité."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "target_type", "target_id"], name="one_follow_per_item"
            )
        ]
        indexes = [
            models.Index(fields=["target_type", "target_id"], name="follow_target_idx")
        ]
        verbose_name = _("suivi")
        verbose_name_plural = _("suivis")

    def __str__(self):
        return f"{self.user} → {self.target_type_id}:{self.target_id} ({self.level})"


class NotificationSettings(models.Model):
    """A member's timezone (when their daily digest leaves) and when their
    last digests left."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_settings",
    )
    timezone = models.CharField(
        _("fuseau horaire"),
        max_length=40,
        choices=MemberTimezone.choices,
        default=MemberTimezone.PARIS,
        help_text=_("Votre résumé quotidien part vers 8 h, heure de ce fuseau."),
    )
    last_daily_digest_at = models.DateTimeField(null=True, blank=True)
    last_weekly_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("réglages des notifications")
        verbose_name_plural = _("réglages des notifications")

    def __str__(self):
        return str(self.user)


class KindPreference(models.Model):
    """How often one kind of notification reaches a member by e-mail (only
    the kinds the member changed have a row: the others keep their default)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    event_type = models.CharField(max_length=60)
    frequency = models.CharField(max_length=12, choices=Frequency.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "event_type"], name="one_preference_per_kind"
            )
        ]
        verbose_name = _("préférence de courriel")
        verbose_name_plural = _("préférences de courriel")

    def __str__(self):
        return f"{self.user} — {self.event_type} : {self.frequency}"
