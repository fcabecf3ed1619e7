"""The bibliography library (``/ressources/bibliographie/``) and its references.

Each reference is a Wagtail page, so drafts, revisions, the review workflow,
scheduling, locking, privacy, URLs, the sitemap, the API and search come from
Wagtail. The CSL-JSON of a reference (``csl.py``) drives its display, its
exports and the duplicate checks of the importer.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.text import slugify
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.mixins import IndexPageMixin
from home.page_forms import PageForm

from .choices import ContributorRole, ReferenceType


def normalise_doi(value):
    """``https://doi.org/10.1/X`` and ``doi:10.1/x`` are the same DOI."""
    value = (value or "").strip()
    value = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", value, flags=re.I)
    return value


def normalise_isbn(value):
    """Digits (and a final X) only: hyphens and spaces vary between sources."""
    return re.sub(r"[^0-9Xx]", "", value or "").upper()


class BibliographyIndexPage(RoutablePageMixin, IndexPageMixin, Page):
    """The bibliography: structured references, filterable and exportable."""

    content_panels = Page.content_panels + IndexPageMixin.content_panels
    search_fields = Page.search_fields + IndexPageMixin.search_fields
    parent_page_types = ["resources.ResourcesIndexPage"]
    subpage_types = ["bibliography.ReferencePage"]
    max_count = 1
    per_page = 20

    class Meta:
        verbose_name = _("bibliographie")

    def references(self):
        """Every live, public reference of the library, ready to be listed."""
        return ReferencePage.objects.child_of(self).live().public().for_listing()

    def child_pages(self, request):
        from .filters import ReferenceFilter

        return ReferenceFilter(request.GET, self).queryset

    def get_context(self, request, *args, **kwargs):
        from .csl import format_references
        from .filters import ReferenceFilter

        reference_filter = ReferenceFilter(request.GET, self)
        context = Page.get_context(self, request, *args, **kwargs)
        context["filter"] = reference_filter
        context["children"] = children = reference_filter.paginate(
            request, self.per_page
        )
        references = list(children.object_list)
        context["citations"] = list(
            zip(references, format_references(references), strict=True)
        )
        context["query_string"] = reference_filter.query_string()
        context["feed_url"] = self.url + self.reverse_subpage("feed")
        context["rss_url"] = self.url + self.reverse_subpage("rss")
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        from .exporters import EXPORTERS, export_response
        from .filters import ReferenceFilter

        export_format = request.GET.get("format")
        if export_format in EXPORTERS:
            queryset = ReferenceFilter(request.GET, self).queryset
            return export_response(
                queryset.prefetch_related("tags"), export_format, self.slug
            )
        return self.render(request)

    @path("flux/", name="feed")
    def atom_feed(self, request):
        from .feeds import ReferenceAtomFeed

        return ReferenceAtomFeed()(request, library=self)

    @path("flux/rss/", name="rss")
    def rss_feed(self, request):
        from .feeds import ReferenceRssFeed

        return ReferenceRssFeed()(request, library=self)


class ReferenceQuerySet(PageQuerySet):
    def for_listing(self):
        """Contributors in one query whatever the count, in bibliographic
        order (first author, year, title)."""
        first_author = (
            ReferenceContributor.objects.filter(
                page=OuterRef("pk"), role=ContributorRole.AUTHOR
            )
            .order_by("sort_order")
            .annotate(name=Coalesce(NullIf("family", models.Value("")), "literal"))
            .values("name")[:1]
        )
        return (
            self.annotate(first_author=Lower(Subquery(first_author)))
            .prefetch_related("contributors")
            .order_by("first_author", "year", "title")
        )

    def for_export(self):
        """As ``for_listing``, with the tags that exports carry as keywords."""
        return self.for_listing().prefetch_related("tags")


ReferenceManager = PageManager.from_queryset(ReferenceQuerySet)


class ReferenceTag(TaggedItemBase):
    """Free tags of references (their own table, like every tagged model)."""

    content_object = ParentalKey(
        "bibliography.ReferencePage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )


class ReferencePage(Page):
    """A bibliographic reference: book, article, report, web page…, shown in
    ISO 690 and exportable as BibTeX, RIS and CSL-JSON."""

    # Wagtail's form, plus a go-live date that must lie ahead.
    base_form_class = PageForm

    reference_type = models.CharField(
        _("type de référence"),
        max_length=32,
        choices=ReferenceType.choices,
        default=ReferenceType.BOOK,
        help_text=_(
            "Un chapitre est publié dans un ouvrage collectif ; un article dans "
            "une revue, un magazine ou un journal."
        ),
    )
    container_title = models.CharField(
        _("publié dans"),
        max_length=500,
        blank=True,
        help_text=_(
            "Titre de la revue, de l'ouvrage collectif, des actes de colloque ou "
            "du site web qui contient cette référence. Vide pour un livre."
        ),
    )
    collection_title = models.CharField(_("collection"), max_length=255, blank=True)
    edition = models.CharField(
        _("édition"),
        max_length=60,
        blank=True,
        help_text=_("Seulement si ce n'est pas la première : « 2 », « 3e éd. »…"),
    )
    publisher = models.CharField(
        _("éditeur"),
        max_length=255,
        blank=True,
        help_text=_("Maison d'édition, organisme ou université qui publie."),
    )
    publisher_place = models.CharField(
        _("lieu de publication"),
        max_length=255,
        blank=True,
        help_text=_("Ville de l'éditeur, par exemple « Paris »."),
    )
    year = models.PositiveSmallIntegerField(
        _("année"),
        null=True,
        blank=True,
        help_text=_("Année de publication ; remplie d'après la date si vide."),
    )
    date = models.DateField(
        _("date complète"),
        null=True,
        blank=True,
        help_text=_("Pour un article de presse ou une page web datée au jour près."),
    )
    volume = models.CharField(_("volume"), max_length=60, blank=True)
    issue = models.CharField(
        _("numéro"),
        max_length=60,
        blank=True,
        help_text=_("Numéro du fascicule d'une revue, ou numéro d'un rapport."),
    )
    pages = models.CharField(
        _("pages"),
        max_length=60,
        blank=True,
        help_text=_("Pages occupées dans l'ouvrage ou la revue, ex. « 45-67 »."),
    )
    genre = models.CharField(
        _("nature du document"),
        max_length=120,
        blank=True,
        help_text=_("Pour une thèse ou un rapport : « Thèse de doctorat », …"),
    )
    online_url = models.URLField(
        _("adresse web (URL)"),
        max_length=500,
        blank=True,
        help_text=_("Où lire la référence en ligne ; inutile si elle a un DOI."),
    )
    accessed = models.DateField(
        _("consulté le"),
        null=True,
        blank=True,
        help_text=_("Date de consultation d'une ressource en ligne."),
    )
    doi = models.CharField(
        _("DOI"),
        max_length=255,
        blank=True,
        help_text=_("Identifiant seul, ex. « 10.1787/9789264270879-en »."),
    )
    isbn = models.CharField(
        _("ISBN"),
        max_length=32,
        blank=True,
        help_text=_("ISBN ou ISSN, avec ou sans tirets."),
    )
    language = models.CharField(
        _("langue"),
        max_length=20,
        blank=True,
        help_text=_("Code de langue : « fr », « en », …"),
    )
    abstract = models.TextField(_("résumé"), blank=True)
    licence = models.CharField(
        _("licence"),
        max_length=120,
        blank=True,
        help_text=_(
            "Conditions de réutilisation de l'œuvre, ex. « CC BY 4.0 » ou "
            "« Tous droits réservés »."
        ),
    )
    citation_key = models.CharField(
        _("clé de citation"),
        max_length=120,
        blank=True,
        help_text=_(
            "Clé BibTeX, ex. « bason2010 ». Laissez vide : elle est créée "
            "d'après le premier auteur et l'année."
        ),
    )
    tags = ClusterTaggableManager(
        through=ReferenceTag, blank=True, verbose_name=_("mots-clés")
    )
    themes = ParentalManyToManyField(
        "home.Theme",
        blank=True,
        related_name="bibliography_references",
        verbose_name=_("thèmes"),
    )

    objects = ReferenceManager()

    content_panels = [
        FieldPanel("reference_type"),
        FieldPanel("title", help_text=_("Titre et sous-titre de la référence.")),
        InlinePanel(
            "contributors",
            heading=_("Auteurs et contributeurs"),
            label=_("Contributeur"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("container_title"),
                FieldPanel("collection_title"),
                FieldRowPanel([FieldPanel("publisher"), FieldPanel("publisher_place")]),
                FieldRowPanel(
                    [FieldPanel("year"), FieldPanel("date"), FieldPanel("edition")]
                ),
                FieldRowPanel(
                    [FieldPanel("volume"), FieldPanel("issue"), FieldPanel("pages")]
                ),
                FieldPanel("genre"),
            ],
            heading=_("Publication"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("doi"),
                FieldPanel("isbn"),
                FieldRowPanel([FieldPanel("online_url"), FieldPanel("accessed")]),
                FieldPanel("language"),
                FieldPanel("licence"),
                FieldPanel("citation_key"),
            ],
            heading=_("Identifiants et accès"),
        ),
        FieldPanel("abstract"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("container_title"),
        index.SearchField("abstract"),
        index.SearchField("publisher"),
        index.SearchField("publisher_place"),
        index.SearchField("collection_title"),
        index.SearchField("edition"),
        index.SearchField("genre"),
        index.RelatedFields(
            "contributors",
            [
                index.SearchField("family"),
                index.SearchField("given"),
                index.SearchField("literal"),
            ],
        ),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("reference_type"),
        index.FilterField("year"),
    ]

    parent_page_types = ["bibliography.BibliographyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("référence bibliographique")
        verbose_name_plural = _("références bibliographiques")

    def clean(self):
        super().clean()
        self.doi = normalise_doi(self.doi)
        if self.date and not self.year:
            self.year = self.date.year
        if self.date and self.year and self.date.year != self.year:
            raise ValidationError(
                {"date": _("La date complète ne correspond pas à l'année.")}
            )

    def save(self, *args, **kwargs):
        if not self.citation_key:
            self.citation_key = self.default_citation_key()
        return super().save(*args, **kwargs)

    def default_citation_key(self):
        first = next(iter(self.contributors.all()), None)
        name = (first.family or first.literal) if first else self.title
        words = slugify(name).split("-")[:2]
        return "".join(words) + str(self.year or "")

    @property
    def language_name(self):
        """ "anglais" for "en"; the code itself when Django does not know it."""
        try:
            return get_language_info(self.language)["name_translated"]
        except KeyError:
            return self.language

    def get_context(self, request, *args, **kwargs):
        from .csl import format_references

        context = super().get_context(request, *args, **kwargs)
        context["citation"] = format_references([self])[0]
        context["related"] = self.related_references()
        return context

    def related_references(self, limit=5):
        """Other references of the library sharing a thème or a tag."""
        tag_ids = [tag.pk for tag in self.tags.all()]
        theme_ids = [theme.pk for theme in self.themes.all()]
        if not (tag_ids or theme_ids):
            return ReferencePage.objects.none()
        return (
            ReferencePage.objects.sibling_of(self, inclusive=False)
            .live()
            .public()
            .filter(models.Q(tags__in=tag_ids) | models.Q(themes__in=theme_ids))
            .distinct()
            .order_by("-year", "title")[:limit]
        )

    def serve(self, request, *args, **kwargs):
        from .exporters import EXPORTERS, export_response

        export_format = request.GET.get("format")
        if export_format in EXPORTERS:
            return export_response([self], export_format, self.slug)
        return super().serve(request, *args, **kwargs)


class ReferenceContributor(Orderable):
    """An author, editor or translator of a reference: a person (family and
    given names) or an organisation (its name, in « nom de l'organisation »)."""

    page = ParentalKey(
        ReferencePage, on_delete=models.CASCADE, related_name="contributors"
    )
    role = models.CharField(
        _("rôle"),
        max_length=20,
        choices=ContributorRole.choices,
        default=ContributorRole.AUTHOR,
    )
    family = models.CharField(
        _("nom"), max_length=255, blank=True, help_text=_("Pour une personne.")
    )
    given = models.CharField(
        _("prénom(s)"), max_length=255, blank=True, help_text=_("Pour une personne.")
    )
    literal = models.CharField(
        _("nom de l'organisation"),
        max_length=255,
        blank=True,
        help_text=_(
            "Pour une organisation (ex. « OCDE », « La 27e Région ») : laissez "
            "alors nom et prénom vides."
        ),
    )

    panels = [
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("family"), FieldPanel("given")]),
        FieldPanel("literal"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contributeur")
        verbose_name_plural = _("contributeurs")

    def __str__(self):
        if self.literal:
            return self.literal
        return ", ".join(part for part in (self.family, self.given) if part)

    def clean(self):
        if not (self.family or self.literal):
            raise ValidationError(
                _("Indiquez un nom de personne ou un nom d'organisation.")
            )
        if self.literal and (self.family or self.given):
            raise ValidationError(
                _("Une personne ou une organisation, pas les deux à la fois.")
            )
