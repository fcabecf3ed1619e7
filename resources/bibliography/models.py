"""The bibliography library: ``/ressources/bibliographie/``."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from home.mixins import IndexPageMixin


class BibliographyIndexPage(IndexPageMixin, Page):
    """The bibliography: structured references."""

    content_panels = Page.content_panels + IndexPageMixin.content_panels
    search_fields = Page.search_fields + IndexPageMixin.search_fields
    parent_page_types = ["resources.ResourcesIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("bibliographie")
