"""Équipes apprenantes: small self-managed groups inside a community.

A team owns one carnet d'apprentissage (the carnets app links to it). Links to a
défi or an édition are held by those apps (they sit above members); a team
created on the site is linked to a défi through ``team_links.py``.

Members create a team in a community they belong to and become its first
facilitateur; others join it freely or on request (``TeamJoinRequest``), up to
an optional size cap. The actions live in ``community/members/teams.py``.
"""

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..choices import RequestStatus, TeamJoinPolicy, TeamRole
from .communities import Community

TEAM_MAX_SIZE_LIMIT = 100

DUPLICATE_NAME_MESSAGE = _(
    "Une équipe porte déjà ce nom dans cette e-communauté (sans tenir compte des "
    "majuscules ni des accents) : choisissez un autre nom."
)


def name_key(name):
    """A team name as compared for uniqueness: without case, accents or
    repeated spaces (« Équipe  Mobilités » is « equipe mobilites »)."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", bare.casefold()).strip()


class LearningTeam(models.Model):
    """An équipe apprenante of an édition, inside a community."""

    name = models.CharField(_("nom"), max_length=150)
    # Kept by save(); the database refuses two teams of a community whose
    # names differ only by case or accents (two members creating at once).
    name_key = models.CharField(max_length=300, editable=False, default="")
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
    join_policy = models.CharField(
        _("pour rejoindre l'équipe"),
        max_length=10,
        choices=TeamJoinPolicy.choices,
        default=TeamJoinPolicy.OPEN,
    )
    max_size = models.PositiveSmallIntegerField(
        _("nombre maximum de membres"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2), MaxValueValidator(TEAM_MAX_SIZE_LIMIT)],
        help_text=_("Laisser vide pour ne pas limiter la taille de l'équipe."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "name_key"], name="unique_team_name_in_community"
            )
        ]
        verbose_name = _("équipe apprenante")
        verbose_name_plural = _("équipes apprenantes")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:team", kwargs={"slug": self.slug})

    def name_taken(self):
        """Whether another team of the community already has this name."""
        return (
            LearningTeam.objects.filter(
                community_id=self.community_id, name_key=name_key(self.name)
            )
            .exclude(pk=self.pk)
            .exists()
        )

    def clean(self):
        # Called by every ModelForm (the site's and the admin's), so that a
        # duplicate name is a form error, not a database error.
        if self.community_id and self.name and self.name_taken():
            raise ValidationError({"name": DUPLICATE_NAME_MESSAGE})

    @property
    def is_on_request(self):
        return self.join_policy == TeamJoinPolicy.ON_REQUEST


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

    @property
    def is_facilitator(self):
        return self.role == TeamRole.FACILITATEUR


class TeamJoinRequest(models.Model):
    """A request to join a team that admits on request, decided by its
    facilitateurs or the community's animateurs. Private to the person who
    asks and to those who decide."""

    team = models.ForeignKey(
        LearningTeam, on_delete=models.CASCADE, related_name="join_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="team_join_requests",
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
            # One pending request per person and team.
            models.UniqueConstraint(
                fields=["team", "user"],
                condition=models.Q(status="pending"),
                name="unique_pending_team_request",
            )
        ]
        ordering = ["created_at"]
        verbose_name = _("demande pour rejoindre une équipe")
        verbose_name_plural = _("demandes pour rejoindre une équipe")

    def __str__(self):
        return f"{self.user} → {self.team} ({self.get_status_display()})"

    @property
    def is_pending(self):
        return self.status == RequestStatus.PENDING
