"""The resource libraries' section pages.

``/ressources/`` introduces the libraries; each library has its own index page
type listing its entries (role cards, glossary terms, method sheets,
documents), with filters where they help and an Atom feed at ``flux/``.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from home.mixins import IndexPageMixin
from home.pagination import paginate

from .documents import ResourceDocument
from .pages import (
    GlossaryTermPage,
    MethodPage,
    RolePage,
    letter_anchor,
)

LIBRARY_PAGE_TYPES = [
    "resources.RoleIndexPage",
    "resources.GlossaryIndexPage",
    "bibliography.BibliographyIndexPage",
    "resources.MethodIndexPage",
    "resources.DocumentIndexPage",
]


class FeedMixin(RoutablePageMixin):
    """An Atom feed of the page's new and updated resources at ``flux/``."""

    @path("flux/", name="feed")
    def feed(self, request):
        from ..feeds import feed_for

        return feed_for(self)(request)

    @property
    def feed_url(self):
        return self.url + self.reverse_subpage("feed")


class ResourcesIndexPage(FeedMixin, IndexPageMixin, Page):
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


class LibraryIndexPage(FeedMixin, IndexPageMixin, Page):
    """Common ground of the library index pages."""

    content_panels = Page.content_panels + IndexPageMixin.content_panels
    search_fields = Page.search_fields + IndexPageMixin.search_fields
    parent_page_types = ["resources.ResourcesIndexPage"]
    subpage_types = []
    max_count = 1
    entry_model = None

    class Meta:
        abstract = True

    def child_pages(self, request):
        return self.entry_model.objects.child_of(self).live().public().order_by("title")


class RoleIndexPage(LibraryIndexPage):
    """The role cards: who does what before, during and after the event."""

    subpage_types = ["resources.RolePage"]
    entry_model = RolePage
    per_page = 24

    class Meta:
        verbose_name = _("bibliothèque des rôles")


class GlossaryIndexPage(LibraryIndexPage):
    """The glossary of public innovation terms, with an A–Z index."""

    subpage_types = ["resources.GlossaryTermPage"]
    entry_model = GlossaryTermPage
    # A glossary reads best on one page; long ones split by whole letters.
    per_page = 150

    class Meta:
        verbose_name = _("glossaire")

    def child_pages(self, request):
        return super().child_pages(request).order_by("letter", "title")

    def get_context(self, request, *args, **kwargs):
        context = Page.get_context(self, request, *args, **kwargs)
        # One queryset: public() reads the view restrictions once for both uses.
        entries = self.child_pages(request)
        terms = context["children"] = paginate(request, entries, self.per_page)
        # Which page of the listing each letter starts on (one query).
        starts = {}
        for position, letter in enumerate(entries.values_list("letter", flat=True)):
            starts.setdefault(letter, position // self.per_page + 1)
        context["alphabet"] = [
            (letter, letter_anchor(letter), starts.get(letter))
            for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ#"
        ]
        groups = []
        for term in terms:
            if not groups or groups[-1][0] != term.letter:
                groups.append((term.letter, letter_anchor(term.letter), []))
            groups[-1][2].append(term)
        context["letter_groups"] = groups
        return context


class MethodIndexPage(LibraryIndexPage):
    """The method sheets, filterable by phase, duration and group size."""

    subpage_types = ["resources.MethodPage"]
    entry_model = MethodPage

    class Meta:
        verbose_name = _("bibliothèque des méthodologies")

    def get_context(self, request, *args, **kwargs):
        from ..forms import MethodFilterForm

        context = Page.get_context(self, request, *args, **kwargs)
        form = MethodFilterForm(request.GET)
        methods = form.filter(self.child_pages(request))
        context["filter_form"] = form
        context["is_filtered"] = form.is_filtered()
        context["children"] = paginate(request, methods, self.per_page)
        context["query_string"] = form.query_string()
        return context


class DocumentIndexPage(LibraryIndexPage):
    """The documents library: public documents with their metadata and filters."""

    per_page = 20

    class Meta:
        verbose_name = _("bibliothèque de documents")

    def documents(self):
        return (
            ResourceDocument.objects.public()
            .select_related("collection")
            .prefetch_related("tags", "themes")
            .order_by("-created_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        from ..forms import DocumentFilterForm

        context = Page.get_context(self, request, *args, **kwargs)
        form = DocumentFilterForm(request.GET)
        documents = form.filter(self.documents())
        context["filter_form"] = form
        context["is_filtered"] = form.is_filtered()
        context["documents"] = paginate(request, documents, self.per_page)
        context["query_string"] = form.query_string()
        return context
