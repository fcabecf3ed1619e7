"""What is searchable and who may find it: apps register here, from their
``AppConfig.ready()``; ``search`` imports no domain app.

- **Adapters.** An adapter turns one object into a ``SearchDocument`` (or
  ``None`` when the object must not be found at all: a hidden or deleted item)
  and lists the objects to index. Wagtail pages need nothing: ``PageAdapter``
  indexes every live page, its text from its ``search_fields`` (every
  ``SearchField`` and ``RelatedFields``, through ``search.text``: whatever a
  page shows — its inline children, thèmes, édition — is declared there) and
  optional facets from a ``search_facets()`` method. Every document also gets
  the names of its thèmes and site (the facet labels). Other models register
  one, their body built with ``search.text`` (``indexed_text(obj)``)::

      from search import registry

      class DocumentAdapter(registry.SearchAdapter):
          model = ResourceDocument
          type = "document"
          type_label = _("Document")

          def document(self, obj): ...

      def register():  # called from the app's ready()
          registry.register(DocumentAdapter)

- **Audiences.** Adapters never say who may find an object: the permission
  policy does, through ``register_audience_provider()`` — the tokens a
  searcher carries, and an object's audience (those who may view it, or with
  ``found_by = KNOW`` those who may know it exists). Tokens are opaque strings
  here; an object whose audience is empty is not indexed.
- **Facet labels.** Facet values are slugs and ids; apps name them with
  ``register_facet_labels(facet, provider)``.
"""

from django.core.exceptions import ImproperlyConfigured
from django.utils.text import slugify

from wagtail.models import Page

from . import documents as docs
from . import text

VIEW = "view"  # found by those who may view the object
KNOW = "know"  # found by those who may know it exists (a restricted community)

_adapters = {}
_audience_provider = None
_facet_labels = {}


def key_for(obj):
    model = Page if isinstance(obj, Page) else type(obj)
    return f"{model._meta.label_lower}:{obj.pk}"


class SearchAdapter:
    model = None
    type = ""
    type_label = ""
    found_by = VIEW

    def queryset(self):
        """Every object that may be indexed (``document`` still decides)."""
        return self.model._default_manager.all()

    def document(self, obj):
        """The object's document, its audience left to the policy."""
        raise NotImplementedError

    def key(self, obj):
        return key_for(obj)

    def indexed(self, obj):
        """What the index holds for ``obj``: its document with the audience
        the policy gives it, or None when nobody may find it."""
        document = self.document(obj)
        if document is None:
            return None
        document.audience = audience_of(obj, self.found_by)
        if not document.audience:
            return None
        names = labelled_text(document)
        if names:
            document.body = text.document_text(
                [*document.body.split(text.SEPARATOR), *names]
            )
        return document


def register(adapter_class):
    adapter = adapter_class()
    _adapters[adapter.model._meta.label_lower] = adapter
    return adapter_class


def register_audience_provider(*, searcher_tokens, audience, known_audience, batch):
    """Who may find what, from the permission policy:

    - ``searcher_tokens(user)``: the tokens a searcher carries;
    - ``audience(obj)`` / ``known_audience(obj)``: the tokens of those who may
      view ``obj`` / know it exists;
    - ``batch()``: a context manager under which many audiences are computed
      (indexing everything) and shared state may be read once.
    """
    global _audience_provider
    _audience_provider = {
        "searcher_tokens": searcher_tokens,
        VIEW: audience,
        KNOW: known_audience,
        "batch": batch,
    }


def _provider():
    if _audience_provider is None:
        raise ImproperlyConfigured(
            "No search audience provider: the permission policy registers one "
            "from its app's ready() (search.registry.register_audience_provider)."
        )
    return _audience_provider


def searcher_tokens(user):
    return list(_provider()["searcher_tokens"](user))


def audience_of(obj, found_by=VIEW):
    return sorted(_provider()[found_by](obj))


def batch():
    return _provider()["batch"]()


def register_facet_labels(facet, provider):
    """``provider(values, user) -> {value: label}`` names a facet's values for
    ``user``; a value it maps to ``None`` is not shown (an id the searcher may
    not know). Values no provider names are shown as they are."""
    _facet_labels.setdefault(facet, [])
    if provider not in _facet_labels[facet]:
        _facet_labels[facet].append(provider)


def facet_labels(facet, values, user):
    labels = {}
    for provider in _facet_labels.get(facet, []):
        labels.update(provider(values, user))
    return labels


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
    return adapter.indexed(obj)


def text_of(obj, field_name):
    """Plain text of a field: strings, rich text, StreamField (every block
    kind, tables included), related objects (see ``search.text``)."""
    return " ".join(text.field_passages(obj, field_name))


def labelled_text(document):
    """The names of a document's thèmes and site, as their facet-label
    providers give them: a visitor reads them on the item's page."""
    names = []
    for facet, values in (("theme", document.themes), ("site", [document.site])):
        values = [str(v) for v in values if v]
        if values:
            labels = facet_labels(facet, values, None)
            names += [labels[v] for v in values if labels.get(v)]
    return names


class PageAdapter(SearchAdapter):
    model = Page

    def queryset(self):
        return Page.objects.live().filter(depth__gt=1).specific().order_by("path")

    def indexed(self, obj):
        return super().indexed(obj.specific)  # a page type's own rule decides

    def document(self, obj):
        page = obj.specific
        if not page.live or page.depth <= 1:
            return None
        body = text.passages(page, getattr(page, "search_fields", []))
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
            body=text.document_text(
                [*text.text_passages(page.search_description), *body]
            ),
            date=facets.get("date", date),
            themes=themes or [],
            site=facets.get("site", ""),
            year=facets.get("year", date.year if date else None),
            communities=facets.get("communities", []),
        )
