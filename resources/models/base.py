"""What every resource page shares: themes, a summary, related resources."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from home.page_forms import PageForm
from home.pages import without_view_restrictions


class ResourcePageMixin(models.Model):
    """Themes, tags and related resources for role cards, terms and method sheets.

    Each concrete page declares its own ``tags`` (one TaggedItem model per page
    type, as django-taggit wants) and its explicit relations in
    ``explicit_related()``.
    """

    # Wagtail's form, plus a go-live date that must lie ahead.
    base_form_class = PageForm

    summary = models.TextField(
        _("résumé"),
        blank=True,
        max_length=400,
        help_text=_(
            "Une ou deux phrases affichées dans les listes et les flux ; "
            "sans résumé, le début du texte est repris."
        ),
    )
    themes = ParentalManyToManyField(
        "home.Theme",
        blank=True,
        # Theme → pages lookups: theme.resources_rolepage_pages.all(), …
        related_name="%(app_label)s_%(class)s_pages",
        verbose_name=_("thèmes"),
        help_text=_("Les grandes mutations auxquelles cette ressource se rattache."),
    )

    classification_panels = [
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Thèmes et mots-clés"),
        )
    ]
    search_fields = [
        index.SearchField("summary"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("live"),
    ]

    related_limit = 6

    class Meta:
        abstract = True

    def explicit_related(self):
        """Pages an editor linked on purpose; subclasses extend this."""
        return []

    def related_resources(self):
        """Explicit relations first, then resources sharing a theme."""
        from .pages import RESOURCE_PAGE_MODELS

        related = [page for page in self.explicit_related() if page.live]
        seen = {self.pk, *(page.pk for page in related)}
        theme_ids = self.themes.values("pk")  # a subquery, not a query
        for model in RESOURCE_PAGE_MODELS:
            missing = self.related_limit - len(related)
            if missing <= 0:
                break
            related += list(
                without_view_restrictions(model.objects.live())
                .filter(themes__in=theme_ids)
                .exclude(pk__in=seen)
                .distinct()
                .order_by("-last_published_at")[:missing]
            )
            seen.update(page.pk for page in related)
        return related[: self.related_limit]
