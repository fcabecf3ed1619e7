"""Atom and RSS feeds of the bibliography's new and updated references."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .csl import format_plain
from .models import ReferencePage


class ReferenceRssFeed(Feed):
    """The latest published or updated references of one library."""

    limit = 30
    description = _(
        "Références bibliographiques ajoutées ou mises à jour dans l'e-communauté."
    )

    def get_object(self, request, library):
        self.request = request
        return library

    def title(self, library):
        return _("%(title)s : nouvelles références") % {"title": library.title}

    def link(self, library):
        return library.url

    def items(self, library):
        return (
            ReferencePage.objects.child_of(library)
            .live()
            .public()
            .prefetch_related("contributors", "tags")
            .order_by("-last_published_at")[: self.limit]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return format_plain(item)

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class ReferenceAtomFeed(ReferenceRssFeed):
    feed_type = Atom1Feed
    subtitle = ReferenceRssFeed.description
