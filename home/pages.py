"""Reading the page tree in few queries: the shell and every page type run on
them, so each query saved here is saved on every page of the site."""

from functools import cache, partial

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.http import Http404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction


def without_view_restrictions(pages):
    """Wagtail's ``PageQuerySet.public()`` (no view restriction on the page or
    any ancestor) in the same query, instead of reading every restriction in
    one more query first."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.exclude(Exists(restricted))


def route_in_one_read(root, request, path_components):
    """Wagtail's ``Page.route`` from ``root`` down, with the pages on the way
    read in one query rather than two per level (the child by its slug, then
    its specific page). A page on the way whose class routes by itself is
    handed the rest of the path, as Wagtail would: a ``RoutablePageMixin``
    page when one of its sub-paths matches (it answers them before its
    children), any other ``route`` always; so is the last page. The page found
    remembers its ancestors (``route_ancestors``) for the breadcrumbs."""
    prefixes = [
        root.url_path + "/".join(path_components[: i + 1]) + "/"
        for i in range(len(path_components))
    ]
    found = {
        page.url_path: page
        for page in Page.objects.filter(
            url_path__in=prefixes,
            path__startswith=root.path,
            depth__gt=root.depth,
            depth__lte=root.depth + len(path_components),
        )
    }
    parent, ancestors = root, [root]
    for level, prefix in enumerate(prefixes):
        child = found.get(prefix)
        if child is None or child.depth != root.depth + level + 1:
            raise Http404
        child._cached_parent_obj = parent
        remaining = path_components[level + 1 :]
        if not remaining or _routes_itself(child, remaining):
            specific = child.specific
            specific._cached_parent_obj = parent
            specific.route_ancestors = ancestors
            if root.depth == 2 and not any(p.alias_of_id for p in [*ancestors, child]):
                # Wagtail's view-restriction check, without re-reading the
                # ancestors it would read to resolve aliases (there are none).
                specific.get_view_restrictions = partial(_branch_restrictions, specific)
            return specific.route(request, remaining)
        ancestors = [*ancestors, child]
        parent = child
    raise Http404  # pragma: no cover — the loop always returns


def _branch_restrictions(page):
    """The view restrictions of ``page`` and its ancestors, in one query."""
    step = page.steplen
    paths = [page.path[:end] for end in range(step, len(page.path) + 1, step)]
    return PageViewRestriction.objects.filter(page__path__in=paths)


@cache
def _routing(page_class):
    """``"plain"`` (Wagtail's ``Page.route``), ``"routable"`` (only
    ``RoutablePageMixin``'s on top of it) or ``"custom"``."""
    routes = [vars(k)["route"] for k in page_class.__mro__ if "route" in vars(k)]
    if routes[0] is Page.route:
        return "plain"
    if routes[:2] == [RoutablePageMixin.route, Page.route]:
        return "routable"
    return "custom"


def _routes_itself(page, remaining):
    page_class = page.specific_class
    kind = "custom" if page_class is None else _routing(page_class)
    if kind == "routable":
        if not page.live:
            return False
        try:
            page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Http404:
            return False
        return True
    return kind == "custom"
