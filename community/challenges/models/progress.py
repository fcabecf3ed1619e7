"""What happens to a défi once it is at work: dated status changes, the
team's summary of each étape, the exposition's outcome and follow-up news.

These are written by the défi's people (porteurs, facilitateurs, team
members) from the site, not through the fiche's editorial workflow.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.events.choices import ChallengeStep

from ..choices import ChallengeStatus
from .pages import ChallengePage


class ChallengeStatusChange(models.Model):
    """A dated move of a défi along its lifecycle (proposé → retenu → …)."""

    challenge = models.ForeignKey(
        ChallengePage, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(
        _("ancien statut"), max_length=20, choices=ChallengeStatus.choices
    )
    to_status = models.CharField(
        _("nouveau statut"), max_length=20, choices=ChallengeStatus.choices
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    note = models.CharField(_("précision"), max_length=300, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "recorded_at", "pk"]
        verbose_name = _("changement de statut")
        verbose_name_plural = _("changements de statut")

    def __str__(self):
        return f"{self.challenge}: {self.get_to_status_display()} ({self.date})"


class ChallengeStepSummary(models.Model):
    """The team's short public summary of one of the six étapes."""

    challenge = models.ForeignKey(
        ChallengePage, on_delete=models.CASCADE, related_name="step_summaries"
    )
    step = models.PositiveSmallIntegerField(_("étape"), choices=ChallengeStep.choices)
    summary = models.TextField(_("résumé"), max_length=1500, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["step"]
        verbose_name = _("résumé d'étape")
        verbose_name_plural = _("résumés d'étapes")
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "step"], name="one_summary_per_step"
            )
        ]

    def __str__(self):
        return f"{self.challenge} — {self.get_step_display()}"


class ChallengeExposition(models.Model):
    """The exposition's outcome: the prototype shown, rétroactions, prochaines actions."""

    challenge = models.OneToOneField(
        ChallengePage, on_delete=models.CASCADE, related_name="exposition"
    )
    prototype = models.TextField(
        _("le prototype présenté"), max_length=2000, blank=True
    )
    feedback = models.TextField(
        _("rétroactions"),
        max_length=3000,
        blank=True,
        help_text=_("Ce que les visiteurs de l'exposition en ont dit."),
    )
    next_actions = models.TextField(
        _("prochaines actions"),
        max_length=3000,
        blank=True,
        help_text=_("Ce que la collectivité et l'équipe feront ensuite."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("exposition")

    def __str__(self):
        return str(self.challenge)

    @property
    def is_empty(self):
        return not (self.prototype or self.feedback or self.next_actions)


class ChallengeNews(models.Model):
    """Follow-up news of a défi after the event (« six mois après… »)."""

    challenge = models.ForeignKey(
        ChallengePage, on_delete=models.CASCADE, related_name="news"
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    title = models.CharField(_("titre"), max_length=200)
    body = models.TextField(_("nouvelles"), max_length=4000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="challenge_news",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = _("nouvelle du défi")
        verbose_name_plural = _("nouvelles des défis")

    def __str__(self):
        return self.title
