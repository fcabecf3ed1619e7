"""The library page's filters: type, year, thème, tag and a text query.

The text query costs the same whatever the visitor types: at most
``home.filters.MAX_WORDS`` words, each one condition on the reference's
columns and two ``EXISTS`` on its contributors and tags (no join, so no rows
multiplied per word).
"""

from collections import namedtuple

from django.db.models import CharField, Exists, OuterRef, Q, Value
from django.db.models.functions import Cast

from taggit.models import Tag

from home.models import Theme
from home.pagination import paginate

from .forms import ReferenceFilterForm

Choice = namedtuple("Choice", "slug name")


class ReferenceFilter:
    """Filters ``library``'s references by the GET parameters; every filter
    combines with the others and lives in the URL."""

    def __init__(self, params, library):
        from .models import ReferencePage

        # Live references not restricted themselves; a restriction on the
        # library or above is checked by Wagtail before this page is served.
        # (public() would cost a query, and hide everything from the members
        # of a library restricted to them.)
        base = (
            ReferencePage.objects.child_of(library)
            .live()
            .filter(view_restrictions__isnull=True)
        )
        years, themes, tags = facets(base)
        self.form = ReferenceFilterForm(params, years=years, themes=themes, tags=tags)
        self.filters = self.form.active
        self.queryset = self.apply(base.for_listing(), self.filters)

    @staticmethod
    def apply(queryset, filters):
        if "type" in filters:
            queryset = queryset.filter(reference_type=filters["type"])
        if "year" in filters:
            queryset = queryset.filter(year=filters["year"])
        if "theme" in filters:
            queryset = queryset.filter(themes__slug=filters["theme"])
        if "tag" in filters:
            queryset = queryset.filter(tags__slug=filters["tag"])
        for word in filters.get("q", ()):
            # Every word must match; each may match a different author or tag.
            queryset = queryset.filter(text_q(word))
        return queryset

    @property
    def active(self):
        return bool(self.filters)

    def query_string(self):
        return self.form.query_string()

    def paginate(self, request, per_page):
        return paginate(request, self.queryset, per_page)


def text_q(word):
    from .models import ReferenceContributor, ReferenceTag

    return (
        Q(title__icontains=word)
        | Q(container_title__icontains=word)
        | Q(abstract__icontains=word)
        | Q(publisher__icontains=word)
        | Exists(
            ReferenceContributor.objects.filter(page=OuterRef("pk")).filter(
                Q(family__icontains=word) | Q(literal__icontains=word)
            )
        )
        | Exists(
            ReferenceTag.objects.filter(
                content_object=OuterRef("pk"), tag__name__icontains=word
            )
        )
    )


def facets(references):
    """The years, thèmes and tags to offer as filters, in one query (a UNION)."""
    years = (
        references.exclude(year=None)
        .order_by()
        .values_list(Value("year"), Cast("year", CharField()), Value(""), Value(0))
    )
    themes = Theme.objects.order_by().values_list(
        Value("theme"), "slug", "name", "sort_order"
    )
    tags = (
        Tag.objects.filter(
            bibliography_referencetag_items__content_object__in=references.values("pk")
        )
        .order_by()
        .values_list(Value("tag"), "slug", "name", Value(0))
    )
    rows = list(years.union(themes, tags))
    return (
        sorted(
            (int(key) for kind, key, _l, _o in rows if kind == "year"), reverse=True
        ),
        [
            Choice(key, label)
            for _o, label, key in sorted(
                (order, label, key)
                for kind, key, label, order in rows
                if kind == "theme"
            )
        ],
        sorted(
            (Choice(key, label) for kind, key, label, _o in rows if kind == "tag"),
            key=lambda choice: choice.name.casefold(),
        ),
    )
