"""Équipes apprenantes: small self-managed groups inside a community.

A team owns one carnet d'apprentissage (the carnets app links to it). Links to a
défi or an édition are held by those apps (they sit above members).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..choices import TeamRole
from .communities import Community


class LearningTeam(models.Model):
    """An équipe apprenante of an édition, inside a community."""

    name = models.CharField(_("nom"), max_length=150)
    slug = models.SlugField(_("identifiant"), max_length=150, unique=True)
    community = models.ForeignKey(
        Community,
        on_delete=models.CASCADE,
        related_name="teams",
        verbose_name=_("e-communauté"),
    )
    year = models.PositiveSmallIntegerField(
        _("année de l'édition"),
        help_text=_("L'année de l'université où l'équipe s'est formée."),
    )
    description = models.TextField(_("présentation"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = _("équipe apprenante")
        verbose_name_plural = _("équipes apprenantes")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("members:team", kwargs={"slug": self.slug})


class TeamMembership(models.Model):
    """A member of a learning team, participant or facilitateur."""

    team = models.ForeignKey(
        LearningTeam, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="team_memberships",
    )
    role = models.CharField(
        _("rôle"), max_length=15, choices=TeamRole.choices, default=TeamRole.PARTICIPANT
    )
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["team", "user"], name="unique_team_membership"
            )
        ]
        ordering = ["role", "joined_at"]
        verbose_name = _("membre d'équipe")

    def __str__(self):
        return f"{self.user} — {self.team}"
