"""The carnet du facilitateur: per défi, the « déroulé de l'animation des
ateliers de défis » (seed 002) — for each étape 1–6 and the exposition, its
objectives, timing, materials and méthodologies, then what happened and what
to improve. Private to the défi's facilitators unless they share it."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import FacilitatorSharing, WorkshopStep


class FacilitatorCarnet(models.Model):
    """The facilitators' plan and memory of the workshops of one défi."""

    challenge = models.OneToOneField(
        "challenges.ChallengePage",
        on_delete=models.CASCADE,
        related_name="facilitator_carnet",
        verbose_name=_("défi"),
    )
    visibility = models.CharField(
        _("partage"),
        max_length=15,
        choices=FacilitatorSharing.choices,
        default=FacilitatorSharing.FACILITATORS,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("carnet du facilitateur")
        verbose_name_plural = _("carnets du facilitateur")

    def __str__(self):
        return str(
            _("Carnet du facilitateur — %(challenge)s")
            % {"challenge": self.challenge.title}
        )

    def get_absolute_url(self):
        return reverse("carnets:facilitator", kwargs={"challenge": self.challenge_id})


class FacilitatorStep(models.Model):
    """One étape (or the exposition) of the facilitator's carnet."""

    carnet = models.ForeignKey(
        FacilitatorCarnet, on_delete=models.CASCADE, related_name="steps"
    )
    step = models.PositiveSmallIntegerField(_("étape"), choices=WorkshopStep.choices)
    objectives = models.TextField(_("objectifs"), blank=True)
    timing = models.TextField(
        _("déroulé et minutage"),
        blank=True,
        help_text=_("Par exemple « 10 min d'inclusion, 40 min en sous-groupes… »"),
    )
    materials = models.TextField(_("matériel"), blank=True)
    methods = models.ManyToManyField(
        "resources.MethodPage",
        blank=True,
        related_name="+",  # method sheets do not list the carnets using them
        verbose_name=_("méthodologies utilisées"),
    )
    happened = models.TextField(_("ce qui s'est passé"), blank=True)
    improvements = models.TextField(_("ce qu'il faudrait améliorer"), blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    TEXT_FIELDS = ("objectives", "timing", "materials", "happened", "improvements")

    class Meta:
        ordering = ["step"]
        verbose_name = _("étape du carnet du facilitateur")
        constraints = [
            models.UniqueConstraint(
                fields=["carnet", "step"], name="unique_facilitator_step"
            )
        ]

    def __str__(self):
        return self.get_step_display()

    def is_empty(self):
        return not any(getattr(self, name) for name in self.TEXT_FIELDS)
