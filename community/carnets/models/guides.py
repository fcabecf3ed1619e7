"""The guide of the carnets of an édition: each moment's name, introduction
and guiding prompts. Organisers edit it in the admin (a snippet); an édition
without a guide of its own uses the default guide, written from seed 002."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from ..choices import Moment


class CarnetGuideQuerySet(models.QuerySet):
    def for_edition(self, edition):
        """The édition's guide, or the default one."""
        guides = {
            guide.edition_id: guide
            for guide in self.filter(
                models.Q(edition=edition) | models.Q(is_default=True)
            )
        }
        return guides.get(getattr(edition, "pk", None)) or guides.get(None)


class CarnetGuide(ClusterableModel):
    """The moments and guiding prompts that the carnets of an édition follow."""

    edition = models.OneToOneField(
        "events.EditionPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="carnet_guide",
        verbose_name=_("édition"),
        help_text=_(
            "Laissez vide pour le guide par défaut, suivi par les équipes "
            "dont l'édition n'a pas de guide à elle."
        ),
    )
    is_default = models.BooleanField(_("guide par défaut"), default=False)
    before_title = models.CharField(_("moment 1 : nom"), max_length=150)
    before_intro = models.TextField(_("moment 1 : présentation"), blank=True)
    during_title = models.CharField(_("moment 2 : nom"), max_length=150)
    during_intro = models.TextField(_("moment 2 : présentation"), blank=True)
    after_title = models.CharField(_("moment 3 : nom"), max_length=150)
    after_intro = models.TextField(_("moment 3 : présentation"), blank=True)
    suites_title = models.CharField(_("suites : nom"), max_length=150)
    suites_intro = models.TextField(_("suites : présentation"), blank=True)

    objects = CarnetGuideQuerySet.as_manager()

    panels = [
        FieldPanel("edition"),
        MultiFieldPanel(
            [
                FieldPanel("before_title"),
                FieldPanel("before_intro"),
                FieldPanel("during_title"),
                FieldPanel("during_intro"),
                FieldPanel("after_title"),
                FieldPanel("after_intro"),
                FieldPanel("suites_title"),
                FieldPanel("suites_intro"),
            ],
            heading=_("Les moments"),
        ),
        InlinePanel("prompts", label=_("Questions guides")),
    ]

    class Meta:
        verbose_name = _("guide du carnet")
        verbose_name_plural = _("guides du carnet")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="one_default_carnet_guide",
            )
        ]

    def __str__(self):
        if self.is_default:
            return str(_("Guide par défaut"))
        return str(_("Guide de l'édition « %(edition)s »") % {"edition": self.edition})

    def clean(self):
        super().clean()
        if not self.is_default and self.edition_id is None:
            raise ValidationError(
                {"edition": _("Choisissez l'édition que ce guide accompagne.")}
            )

    def moment_title(self, moment):
        return getattr(self, f"{_field(moment)}_title") or Moment(moment).label

    def moment_intro(self, moment):
        return getattr(self, f"{_field(moment)}_intro")


def _field(moment):
    return "suites" if moment == Moment.FOLLOW_UP else moment


class CarnetPrompt(Orderable):
    """A guiding question of a moment, which an entry may answer."""

    guide = ParentalKey(CarnetGuide, on_delete=models.CASCADE, related_name="prompts")
    moment = models.CharField(_("moment"), max_length=10, choices=Moment.choices)
    question = models.CharField(_("question"), max_length=300)
    help_text = models.TextField(
        _("pour aller plus loin"),
        blank=True,
        help_text=_("Une ou deux phrases qui aident à répondre."),
    )

    panels = [FieldPanel("moment"), FieldPanel("question"), FieldPanel("help_text")]

    class Meta(Orderable.Meta):
        verbose_name = _("question guide")
        verbose_name_plural = _("questions guides")

    def __str__(self):
        return self.question
