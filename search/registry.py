"""What is searchable: every app registers adapters for its models here.

An adapter turns one object into a ``SearchDocument`` (or ``None`` when the
object must not be found at all: a draft, a hidden or deleted item) and lists
the objects to index. Wagtail pages need nothing: ``PageAdapter`` indexes every
live page, taking its audience from Wagtail's page privacy, its text from its
``search_fields``, and optional facets from a ``search_facets()`` method.

Other models register an adapter from their app's ``ready()``::

    from search.registry import SearchAdapter, register

    @register
    class DocumentAdapter(SearchAdapter):
        model = ResourceDocument
        type = "document"
        type_label = _("Document")

        def document(self, obj): ...

``search`` imports no domain model: apps point at it, never the reverse.
"""

from django.utils.html import strip_tags
from django.utils.text import slugify

from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from . import documents as docs

_adapters = {}


def key_for(obj):
    model = Page if isinstance(obj, Page) else type(obj)
    return f"{model._meta.label_lower}:{obj.pk}"


class SearchAdapter:
    model = None
    type = ""
    type_label = ""

    def queryset(self):
        """Every object that may be indexed (``document`` still decides)."""
        return self.model._default_manager.all()

    def document(self, obj):
        raise NotImplementedError

    def key(self, obj):
        return key_for(obj)


def register(adapter_class):
    adapter = adapter_class()
    _adapters[adapter.model._meta.label_lower] = adapter
    return adapter_class


def adapters():
    return list(_adapters.values())


def adapter_for_key(key):
    label = key.split(":", 1)[0]
    return _adapters.get(label)


def resolve(key):
    """The object behind ``key``, or None if it no longer exists."""
    adapter = adapter_for_key(key)
    if adapter is None:
        return None, None
    pk = key.split(":", 1)[1]
    return adapter, adapter.model._default_manager.filter(pk=pk).first()


def document_for_key(key):
    adapter, obj = resolve(key)
    if obj is None:
        return None
    return adapter.document(obj)


def text_of(obj, field_name):
    """Plain text of a field: strings, rich text, StreamField, related objects."""
    value = getattr(obj, field_name, None)
    if value is None or callable(value) and not hasattr(value, "all"):
        return ""
    try:
        model_field = obj._meta.get_field(field_name)
    except Exception:  # a property or method named in search_fields
        model_field = None
    if model_field is not None and hasattr(model_field, "get_searchable_content"):
        return strip_tags(
            " ".join(str(t) for t in model_field.get_searchable_content(value))
        )
    if hasattr(value, "all"):  # related managers
        return " ".join(str(item) for item in value.all())
    return strip_tags(str(value))


def audience_for_page(page, restrictions):
    """Audience tokens of a page from its branch's view restrictions (a
    password restriction hides it from search: only its form can open it)."""
    applicable = [r for r in restrictions if page.path.startswith(r.page.path)]
    if not applicable:
        return [docs.PUBLIC]
    audiences = []
    for restriction in applicable:
        if restriction.restriction_type == PageViewRestriction.LOGIN:
            audiences.append({docs.AUTHENTICATED})
        elif restriction.restriction_type == PageViewRestriction.GROUPS:
            audiences.append({docs.group(g.pk) for g in restriction.groups.all()})
        else:
            return []
    # Every restriction must be passed: intersect (login ∩ groups = groups).
    result = audiences[0]
    for other in audiences[1:]:
        if docs.AUTHENTICATED in result:
            result = other
        elif docs.AUTHENTICATED not in other:
            result = result & other
    return sorted(result)


class PageAdapter(SearchAdapter):
    model = Page

    def queryset(self):
        return Page.objects.live().filter(depth__gt=1).specific().order_by("path")

    def restrictions(self):
        return list(
            PageViewRestriction.objects.select_related("page").prefetch_related(
                "groups"
            )
        )

    def document(self, obj, restrictions=None):
        page = obj.specific
        if not page.live or page.depth <= 1:
            return None
        audience = audience_for_page(
            page, self.restrictions() if restrictions is None else restrictions
        )
        if not audience:
            return None
        body = []
        for field in getattr(page, "search_fields", []):
            if isinstance(field, index.SearchField) and field.field_name != "title":
                body.append(text_of(page, field.field_name))
        facets = page.search_facets() if hasattr(page, "search_facets") else {}
        themes = facets.get("themes")
        if themes is None and hasattr(page, "themes"):
            themes = [theme.slug for theme in page.themes.all()]
        label = facets.get("type_label") or str(page._meta.verbose_name)
        date = page.last_published_at or page.first_published_at
        return docs.SearchDocument(
            key=key_for(page),
            type=facets.get("type") or slugify(label),
            type_label=label[:1].upper() + label[1:],
            title=page.title,
            url=page.get_url() or page.url_path,
            body=" ".join(filter(None, [page.search_description, *body])),
            date=facets.get("date", date),
            themes=themes or [],
            site=facets.get("site", ""),
            year=facets.get("year", date.year if date else None),
            communities=facets.get("communities", []),
            audience=audience,
        )


register(PageAdapter)
