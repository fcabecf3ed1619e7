"""Wagtail API v2 at /api/v2/: read-only pages, images and documents.

Pages: Wagtail's endpoint already serves live, public pages only. Images and
documents: items of a collection under a view restriction (a private
collection) are left out, so the API never lists what a page would not show.

Bad query parameters get a 400 with ``{"message": …}``, as Wagtail answers
its own: a NUL byte anywhere, an offset out of range, an unknown search
operator. The search text is reduced to its words (at most
``home.filters.MAX_WORDS``) before it reaches a search back end, whose
query syntax (SQLite's FTS5) a quote or a bracket would otherwise break.
"""

import re
from types import SimpleNamespace

from django.utils.translation import gettext as _

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction

from .filters import MAX_WORDS

# Far beyond any listing of the site; keeps the SQL OFFSET in range everywhere.
MAX_OFFSET = 1_000_000
SEARCH_OPERATORS = {"and", "or"}


def public_collections():
    restricted_paths = CollectionViewRestriction.objects.values_list(
        "collection__path", flat=True
    )
    collections = Collection.objects.all()
    for path in restricted_paths:
        # A restriction covers the collection and everything below it.
        collections = collections.exclude(path__startswith=path)
    return collections


def check_parameters(params):
    """Raise ``BadRequestError`` (a 400) for a parameter no endpoint can use."""
    for name, values in params.lists():
        if any("\x00" in value for value in [name, *values]):
            raise BadRequestError(
                _("Le paramètre « %(name)s » contient un caractère nul.")
                % {"name": name.replace("\x00", "")}
            )
    offset = params.get("offset")
    if offset is not None and not (
        offset.isascii() and offset.isdigit() and int(offset) <= MAX_OFFSET
    ):
        raise BadRequestError(
            _("offset doit être un entier entre 0 et %(max)s.") % {"max": MAX_OFFSET}
        )
    operator = params.get("search_operator")
    if operator is not None and operator.lower() not in SEARCH_OPERATORS:
        raise BadRequestError(_("search_operator vaut « and » ou « or »."))


class WordSearchFilter(SearchFilter):
    """Wagtail's search filter, given the words of the search text only."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        words = re.findall(r"\w+", request.GET["search"])[:MAX_WORDS]
        if not words:
            return queryset.none()
        params = request.GET.copy()
        params["search"] = " ".join(words)
        # SearchFilter reads nothing of the request but its GET parameters.
        return super().filter_queryset(SimpleNamespace(GET=params), queryset, view)


def with_word_search(filter_backends):
    return [
        WordSearchFilter if backend is SearchFilter else backend
        for backend in filter_backends
    ]


class CheckedParametersMixin:
    """Checks the query parameters before any filter or SQL runs."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_parameters(request.GET)


class PublicCollectionMixin:
    def get_queryset(self):
        return super().get_queryset().filter(collection__in=public_collections())


class PublicPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    filter_backends = with_word_search(PagesAPIViewSet.filter_backends)


class PublicImagesAPIViewSet(
    CheckedParametersMixin, PublicCollectionMixin, ImagesAPIViewSet
):
    filter_backends = with_word_search(ImagesAPIViewSet.filter_backends)


class PublicDocumentsAPIViewSet(
    CheckedParametersMixin, PublicCollectionMixin, DocumentsAPIViewSet
):
    filter_backends = with_word_search(DocumentsAPIViewSet.filter_backends)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
