"""Atom feeds of new and updated resources: all of them, and per library.

Only live, public pages (and documents of public collections) appear.
"""

from django.contrib.syndication.views import Feed
from django.db.models import DateTimeField
from django.db.models.functions import Cast, Coalesce
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from wagtail.models import Page

from home.dates import as_datetime

from .models.documents import ResourceDocument

FEED_LENGTH = 30


class ResourcePagesFeed(Feed):
    """Pages below ``root`` (the index pages themselves left out), newest first."""

    feed_type = Atom1Feed

    def __init__(self, root):
        super().__init__()
        self.root = root

    def title(self):
        return _("%(library)s — nouveautés") % {"library": self.root.title}

    def subtitle(self):
        return _("Ressources nouvelles ou mises à jour dans « %(library)s ».") % {
            "library": self.root.title
        }

    def link(self):
        return self.root.url

    def feed_url(self):
        return self.root.feed_url

    def items(self):
        from .models import ResourcesIndexPage

        pages = Page.objects.live().public().descendant_of(self.root)
        if isinstance(self.root, ResourcesIndexPage):
            # Entries of every library, not the library pages themselves.
            pages = pages.filter(depth__gt=self.root.depth + 1)
        return pages.order_by("-last_published_at").specific()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        text = getattr(item, "summary", "") or item.search_description
        if not text:
            for name in ("mission", "definition", "objective", "intro"):
                if getattr(item, name, ""):
                    text = strip_tags(str(getattr(item, name)))
                    break
        return Truncator(text).words(60)

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.specific_class._meta.verbose_name]


class DocumentsFeed(ResourcePagesFeed):
    """Documents of public collections, newest first."""

    def items(self):
        # Newest by the document's own date (Dublin Core) when it has one: a
        # programme of 2018 uploaded today is not today's news.
        return (
            ResourceDocument.objects.public()
            .annotate(dated=Coalesce(Cast("date", DateTimeField()), "created_at"))
            .order_by("-dated", "-pk")[:FEED_LENGTH]
        )

    def item_description(self, item):
        return Truncator(item.description).words(60)

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return as_datetime(item.date) or item.created_at

    def item_updateddate(self, item):
        return as_datetime(item.date) or item.created_at

    def item_categories(self, item):
        return [item.get_document_type_display()]


def feed_for(page):
    """The feed instance for a hub or library index page."""
    from .models import DocumentIndexPage

    if isinstance(page, DocumentIndexPage):
        return DocumentsFeed(page)
    return ResourcePagesFeed(page)
