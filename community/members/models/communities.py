"""E-communautés, their members, join requests and invitations."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.territories import territory_choices

from ..choices import (
    CommunityAccess,
    CommunityKind,
    MembershipRole,
    RequestStatus,
)

INVITATION_VALIDITY = timedelta(days=14)


class Community(models.Model):
    """An e-communauté: a space where members discuss, national or local."""

    name = models.CharField(_("nom"), max_length=150, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=150, unique=True)
    kind = models.CharField(
        _("portée"),
        max_length=10,
        choices=CommunityKind.choices,
        default=CommunityKind.LOCAL,
    )
    territory = models.CharField(
        _("territoire ou site"),
        max_length=30,
        choices=territory_choices,
        blank=True,
        help_text=_("Pour une communauté locale : le site ou le territoire concerné."),
    )
    access = models.CharField(
        _("accès"),
        max_length=12,
        choices=CommunityAccess.choices,
        default=CommunityAccess.PUBLIC,
        help_text=_(
            "Une communauté secrète n'apparaît qu'à ses membres : on y entre sur invitation."
        ),
    )
    description = models.TextField(_("présentation"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("e-communauté")
        verbose_name_plural = _("e-communautés")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("members:community", kwargs={"slug": self.slug})


class Membership(models.Model):
    """A member of a community, with their role in it."""

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("rôle"),
        max_length=10,
        choices=MembershipRole.choices,
        default=MembershipRole.MEMBER,
    )
    joined_at = models.DateTimeField(_("membre depuis"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["community", "user"], name="unique_membership"
            )
        ]
        ordering = ["-joined_at"]
        verbose_name = _("adhésion")

    def __str__(self):
        return f"{self.user} — {self.community} ({self.get_role_display()})"


class MembershipRequest(models.Model):
    """A request to join a restricted community, decided by an animateur."""

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="membership_requests",
    )
    message = models.TextField(_("message"), max_length=1000, blank=True)
    status = models.CharField(
        _("état"),
        max_length=10,
        choices=RequestStatus.choices,
        default=RequestStatus.PENDING,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        constraints = [
            # One pending request per person and community.
            models.UniqueConstraint(
                fields=["community", "user"],
                condition=models.Q(status="pending"),
                name="unique_pending_request",
            )
        ]
        ordering = ["-created_at"]
        verbose_name = _("demande d'adhésion")
        verbose_name_plural = _("demandes d'adhésion")

    def __str__(self):
        return f"{self.user} → {self.community} ({self.get_status_display()})"


def new_token():
    return secrets.token_urlsafe(32)


def default_expiry():
    return timezone.now() + INVITATION_VALIDITY


class Invitation(models.Model):
    """An invitation by e-mail to join a community; its link holds a secret token."""

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("adresse électronique"))
    role = models.CharField(
        _("rôle"),
        max_length=10,
        choices=MembershipRole.choices,
        default=MembershipRole.MEMBER,
    )
    token = models.CharField(
        max_length=64, unique=True, default=new_token, editable=False
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expire le"), default=default_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")

    def __str__(self):
        return f"{self.email} → {self.community}"

    def get_absolute_url(self):
        return reverse("members:invitation", kwargs={"token": self.token})

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at

    @property
    def is_used(self):
        return self.accepted_at is not None
