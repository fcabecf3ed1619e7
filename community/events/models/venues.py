"""Sites of the université: where sessions happen, and in which time zone.

A venue is a place with a time zone; *where* it is, for the search facet and
the défis' « Site » filter, is its territory (``home.territories``), the same
notion members and communities use.
"""

from zoneinfo import ZoneInfo

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from home.territories import Territory, territory_choices

from ..choices import TimeZoneName


class Venue(models.Model):
    """A site of the université (Cluny, Rennes, La Réunion…) with its time zone."""

    name = models.CharField(_("nom"), max_length=120, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)
    city = models.CharField(
        _("ville"),
        max_length=120,
        blank=True,
        help_text=_("La ville où se tient le site, si elle diffère de son nom."),
    )
    region = models.CharField(_("région"), max_length=120, blank=True)
    territory = models.CharField(
        _("territoire"),
        max_length=30,
        choices=territory_choices,
        default=Territory.OTHER,
        help_text=_(
            "Le territoire du site, le même que celui des e-communautés et des "
            "profils : il nomme le site dans la recherche et les filtres."
        ),
    )
    timezone = models.CharField(
        _("fuseau horaire"),
        max_length=40,
        choices=TimeZoneName.choices,
        default=TimeZoneName.PARIS,
        help_text=_(
            "Les horaires des sessions de ce site sont saisis et affichés dans ce "
            "fuseau ; ceux des sites d'outre-mer sont aussi montrés à l'heure de Paris."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("city"),
        FieldPanel("region"),
        FieldPanel("territory"),
        FieldPanel("timezone"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(territory=""), name="venue_has_territory"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def tzinfo(self):
        return ZoneInfo(self.timezone)

    @property
    def is_overseas(self):
        """Whether its clock differs from Paris's, so both times are shown."""
        return self.timezone != TimeZoneName.PARIS
