"""The resource libraries' section pages.

``/ressources/`` introduces the libraries; each library has its own index page
type so that its entries (role cards, glossary terms, references, method sheets,
documents) can be attached to it as they are built.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from home.mixins import IndexPageMixin

LIBRARY_PAGE_TYPES = [
    "resources.RoleIndexPage",
    "resources.GlossaryIndexPage",
    "bibliography.BibliographyIndexPage",
    "resources.MethodIndexPage",
    "resources.DocumentIndexPage",
]


class ResourcesIndexPage(IndexPageMixin, Page):
    """The ``/ressources/`` hub listing the libraries."""

    content_panels = Page.content_panels + IndexPageMixin.content_panels
    search_fields = Page.search_fields + IndexPageMixin.search_fields
    parent_page_types = ["home.HomePage"]
    subpage_types = LIBRARY_PAGE_TYPES
    max_count = 1

    class Meta:
        verbose_name = _("accueil des ressources")

    def child_pages(self, request):
        # The libraries keep the order editors give them in the page tree.
        return self.get_children().live().public().specific()


class LibraryIndexPage(IndexPageMixin, Page):
    """Common ground of the five library index pages."""

    content_panels = Page.content_panels + IndexPageMixin.content_panels
    search_fields = Page.search_fields + IndexPageMixin.search_fields
    parent_page_types = ["resources.ResourcesIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        abstract = True


class RoleIndexPage(LibraryIndexPage):
    """The role cards: who does what before, during and after the event."""

    class Meta:
        verbose_name = _("bibliothèque des rôles")


class GlossaryIndexPage(LibraryIndexPage):
    """The glossary of public innovation terms."""

    class Meta:
        verbose_name = _("glossaire")


class MethodIndexPage(LibraryIndexPage):
    """The method sheets (méthodologies)."""

    class Meta:
        verbose_name = _("bibliothèque des méthodologies")


class DocumentIndexPage(LibraryIndexPage):
    """The documents library."""

    class Meta:
        verbose_name = _("bibliothèque de documents")
