"""The resources themselves: role cards, glossary terms and method sheets."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES
from home.pages import without_view_restrictions

from ..blocks import ResourceBodyBlock, StepBlock
from ..choices import (
    DURATION_BOUNDS,
    GROUP_SIZE_BOUNDS,
    DurationBand,
    GroupSize,
    Phase,
)
from .base import ResourcePageMixin


def _rich_text(verbose_name, help_text="", blank=True):
    return RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=blank,
        verbose_name=verbose_name,
        help_text=help_text,
    )


class RolePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "resources.RolePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class GlossaryTermPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "resources.GlossaryTermPage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )


class MethodPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "resources.MethodPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class RolePage(ResourcePageMixin, Page):
    """A role card: who does what before, during and after the université."""

    mission = _rich_text(
        _("mission"),
        _("Le rôle en quelques phrases : pourquoi il existe, à quoi il sert."),
        blank=False,
    )
    before = _rich_text(_("avant l'université"))
    during = _rich_text(_("pendant l'université"))
    after = _rich_text(_("après l'université"))
    skills = _rich_text(
        _("compétences"),
        _("Savoir-faire et postures attendus ; une liste à puces se lit mieux."),
    )
    contact = models.CharField(
        _("qui contacter"),
        max_length=255,
        blank=True,
        help_text=_(
            "Un service ou une fonction (« coordination nationale, CNFPT »), "
            "jamais le nom ou le téléphone d'une personne."
        ),
    )
    tags = ClusterTaggableManager(
        through=RolePageTag, blank=True, verbose_name=_("mots-clés")
    )

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("summary"),
            FieldPanel("mission"),
            MultiFieldPanel(
                [FieldPanel("before"), FieldPanel("during"), FieldPanel("after")],
                heading=_("Responsabilités"),
            ),
            FieldPanel("skills"),
            FieldPanel("contact"),
        ]
        + ResourcePageMixin.classification_panels
    )
    search_fields = (
        Page.search_fields
        + ResourcePageMixin.search_fields
        + [
            index.SearchField("mission"),
            index.SearchField("before"),
            index.SearchField("during"),
            index.SearchField("after"),
            index.SearchField("skills"),
            index.SearchField("contact"),
        ]
    )
    parent_page_types = ["resources.RoleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("fiche rôle")
        verbose_name_plural = _("fiches rôles")

    def explicit_related(self):
        # Method sheets name the roles they involve (MethodPage.related_roles).
        return list(without_view_restrictions(self.methods.live()).order_by("title"))


def first_letter(title):
    """The A–Z index letter of a title: accents removed, non-letters under '#'."""
    for char in unicodedata.normalize("NFD", title or ""):
        if char.isalpha():
            return char.upper() if "A" <= char.upper() <= "Z" else "#"
        if char.isdigit():
            return "#"
    return "#"


def letter_anchor(letter):
    """The fragment id of a letter's section: ``lettre-a`` … ``lettre-autres``."""
    return "lettre-" + ("autres" if letter == "#" else letter.lower())


class GlossaryTermPage(ResourcePageMixin, Page):
    """A glossary term: its definition, variants, related terms and sources."""

    definition = _rich_text(
        _("définition"),
        _("Une définition courte d'abord, puis des exemples tirés des défis."),
        blank=False,
    )
    synonyms = models.TextField(
        _("synonymes et variantes"),
        blank=True,
        help_text=_(
            "Une variante par ligne (sigle, orthographe, terme anglais) : elles "
            "sont aussi reliées automatiquement à cette définition dans les textes."
        ),
    )
    see_also = ParentalManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="+",  # "see also" is read from the term that links only
        verbose_name=_("voir aussi"),
    )
    sources = ParentalManyToManyField(
        # A string reference: resources never imports the bibliography app.
        "bibliography.ReferencePage",
        blank=True,
        related_name="glossary_terms",
        verbose_name=_("sources"),
        help_text=_("Les références de la bibliographie qui fondent cette définition."),
    )
    letter = models.CharField(
        _("lettre"), max_length=1, default="#", editable=False, db_index=True
    )
    tags = ClusterTaggableManager(
        through=GlossaryTermPageTag, blank=True, verbose_name=_("mots-clés")
    )

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("definition"),
            FieldPanel("synonyms"),
            FieldPanel("see_also", widget=forms.CheckboxSelectMultiple),
            FieldPanel("sources", widget=forms.CheckboxSelectMultiple),
            FieldPanel("summary"),
        ]
        + ResourcePageMixin.classification_panels
    )
    search_fields = (
        Page.search_fields
        + ResourcePageMixin.search_fields
        + [
            index.SearchField("definition"),
            index.SearchField("synonyms"),
            index.AutocompleteField("synonyms"),
            index.FilterField("letter"),
        ]
    )
    parent_page_types = ["resources.GlossaryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("terme du glossaire")
        verbose_name_plural = _("termes du glossaire")

    def save(self, *args, **kwargs):
        self.letter = first_letter(self.title)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "title" in update_fields:
            kwargs["update_fields"] = {*update_fields, "letter"}
        return super().save(*args, **kwargs)

    @property
    def letter_anchor(self):
        return letter_anchor(self.letter)

    @property
    def variants(self):
        """The term's other spellings, from the synonyms field."""
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]

    @cached_property
    def public_see_also(self):
        """The related terms anyone may read (the page lists them), read once."""
        return list(without_view_restrictions(self.see_also.live()).order_by("title"))

    @cached_property
    def public_sources(self):
        """The bibliography references anyone may read, read once."""
        return list(without_view_restrictions(self.sources.live()).order_by("title"))

    def explicit_related(self):
        return self.public_see_also + self.public_sources


class MethodPage(ResourcePageMixin, Page):
    """A method sheet: how to run a workshop step of the innovation loop."""

    objective = _rich_text(
        _("objectif"),
        _("Ce que le groupe saura ou aura produit à la fin."),
        blank=False,
    )
    phase = models.CharField(
        _("phase de la boucle d'innovation"),
        max_length=20,
        choices=Phase.choices,
        default=Phase.IDEATE,
    )
    duration_minutes = models.PositiveIntegerField(
        _("durée (minutes)"),
        help_text=_("Durée totale indicative, en minutes : 90 pour 1 h 30."),
    )
    group_min = models.PositiveSmallIntegerField(_("participants (minimum)"), default=3)
    group_max = models.PositiveSmallIntegerField(
        _("participants (maximum)"),
        default=12,
        help_text=_("Mettez le même nombre que le minimum pour une taille fixe."),
    )
    materials = _rich_text(
        _("matériel"), _("Salle, supports, fournitures, outils numériques.")
    )
    steps = StreamField(
        [("step", StepBlock())],
        blank=True,
        verbose_name=_("étapes"),
        help_text=_("Les étapes dans l'ordre ; glissez-les pour les réordonner."),
    )
    tips = _rich_text(_("conseils d'animation"))
    variants = _rich_text(_("variantes"))
    body = StreamField(
        ResourceBodyBlock(),
        blank=True,
        verbose_name=_("compléments"),
        help_text=_("Exemples, tableaux (matrices), vidéos…"),
    )
    related_roles = ParentalManyToManyField(
        "resources.RolePage",
        blank=True,
        related_name="methods",
        verbose_name=_("rôles concernés"),
        help_text=_("Ces fiches rôles listeront cette méthode."),
    )
    glossary_terms = ParentalManyToManyField(
        "resources.GlossaryTermPage",
        blank=True,
        related_name="methods",
        verbose_name=_("termes du glossaire"),
    )
    tags = ClusterTaggableManager(
        through=MethodPageTag, blank=True, verbose_name=_("mots-clés")
    )

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("summary"),
            FieldPanel("objective"),
            MultiFieldPanel(
                [
                    FieldPanel("phase"),
                    FieldPanel("duration_minutes"),
                    FieldPanel("group_min"),
                    FieldPanel("group_max"),
                ],
                heading=_("En bref"),
            ),
            FieldPanel("materials"),
            FieldPanel("steps"),
            FieldPanel("tips"),
            FieldPanel("variants"),
            FieldPanel("body"),
            MultiFieldPanel(
                [
                    FieldPanel("related_roles", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("glossary_terms", widget=forms.CheckboxSelectMultiple),
                ],
                heading=_("Liens"),
            ),
        ]
        + ResourcePageMixin.classification_panels
    )
    search_fields = (
        Page.search_fields
        + ResourcePageMixin.search_fields
        + [
            index.SearchField("objective"),
            index.SearchField("materials"),
            index.SearchField("steps"),
            index.SearchField("tips"),
            index.SearchField("variants"),
            index.SearchField("body"),
            index.FilterField("phase"),
            index.FilterField("duration_minutes"),
        ]
    )
    parent_page_types = ["resources.MethodIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("fiche méthode")
        verbose_name_plural = _("fiches méthodes")

    def clean(self):
        super().clean()
        if self.group_min and self.group_max and self.group_min > self.group_max:
            raise ValidationError(
                {"group_max": _("Le maximum doit être au moins égal au minimum.")}
            )

    @property
    def duration_label(self):
        hours, minutes = divmod(self.duration_minutes or 0, 60)
        if hours and minutes:
            return f"{hours} h {minutes:02d}"
        if hours:
            return f"{hours} h"
        return f"{minutes} min"

    @property
    def group_label(self):
        if self.group_min == self.group_max:
            return str(self.group_min)
        return f"{self.group_min} – {self.group_max}"

    def explicit_related(self):
        return list(
            without_view_restrictions(self.related_roles.live()).order_by("title")
        ) + list(
            without_view_restrictions(self.glossary_terms.live()).order_by("title")
        )


def filter_methods(queryset, phase=None, duration=None, group_size=None):
    """Narrow method sheets by phase, duration band and group size band.

    Filters combine; an empty value leaves that dimension open. A sheet fits a
    group size band when its participant range overlaps the band.
    """
    if phase:
        queryset = queryset.filter(phase=phase)
    if duration:
        low, high = DURATION_BOUNDS[DurationBand(duration)]
        if low is not None:
            queryset = queryset.filter(duration_minutes__gte=low)
        if high is not None:
            queryset = queryset.filter(duration_minutes__lte=high)
    if group_size:
        low, high = GROUP_SIZE_BOUNDS[GroupSize(group_size)]
        queryset = queryset.filter(group_max__gte=low)
        if high is not None:
            queryset = queryset.filter(group_min__lte=high)
    return queryset


RESOURCE_PAGE_MODELS = [MethodPage, RolePage, GlossaryTermPage]
