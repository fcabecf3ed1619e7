"""Wagtail API v2 at /api/v2/: read-only pages, images and documents.

Pages: Wagtail's endpoint already serves live, public pages only. Images and
documents: items of a collection under a view restriction (a private
collection) are left out, so the API never lists what a page would not show.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction


def public_collections():
    restricted_paths = CollectionViewRestriction.objects.values_list(
        "collection__path", flat=True
    )
    collections = Collection.objects.all()
    for path in restricted_paths:
        # A restriction covers the collection and everything below it.
        collections = collections.exclude(path__startswith=path)
    return collections


class PublicCollectionMixin:
    def get_queryset(self):
        return super().get_queryset().filter(collection__in=public_collections())


class PublicImagesAPIViewSet(PublicCollectionMixin, ImagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(PublicCollectionMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
