"""Purging the shared front cache when a page is published or unpublished.

Wagtail's ``wagtail.contrib.frontend_cache`` sends the PURGE requests (its
HTTP back end, through the tasks queue) to FRONTEND_CACHE_URL; here we say
*which* pages: the page itself and its ancestors below the root — the listing
that shows it (a défi published changes « Défis »), up to the home page and
its sections. What the middleware lets the proxy keep is decided once, in
``home.middleware.FrontCacheMiddleware``.
"""

from django.conf import settings

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.signals import page_published, page_unpublished


def pages_to_purge(page):
    """The page and the listing pages above it (never the tree's root)."""
    return [page, *page.get_ancestors().filter(depth__gt=1).specific()]


def purge_page_and_listings(sender, instance, **kwargs):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    batch.add_pages(pages_to_purge(instance))
    batch.purge()


def register():
    page_published.connect(purge_page_and_listings, dispatch_uid="home.front_cache")
    page_unpublished.connect(purge_page_and_listings, dispatch_uid="home.front_cache")
