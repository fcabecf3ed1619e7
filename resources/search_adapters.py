"""What the resources app gives to the site search: its documents (pages are
indexed by the search app's generic page adapter). The extracted text of the
file is searched with the metadata."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import CollectionViewRestriction

from home.dates import as_datetime
from search import documents as docs
from search.registry import SearchAdapter, register

from .models import ResourceDocument


def collection_audience(collection):
    """Audience of a collection from its own and its ancestors' restrictions."""
    paths = [collection.path[:n] for n in range(4, len(collection.path) + 1, 4)]
    restrictions = CollectionViewRestriction.objects.filter(
        collection__path__in=paths
    ).prefetch_related("groups")
    audience = {docs.PUBLIC}
    for restriction in restrictions:
        if restriction.restriction_type == CollectionViewRestriction.LOGIN:
            if docs.PUBLIC in audience:
                audience = {docs.AUTHENTICATED}
        elif restriction.restriction_type == CollectionViewRestriction.GROUPS:
            groups = {docs.group(g.pk) for g in restriction.groups.all()}
            audience = (
                groups
                if audience & {docs.PUBLIC, docs.AUTHENTICATED}
                else audience & groups
            )
        else:  # password: only its form opens it
            return []
    return sorted(audience)


@register
class DocumentAdapter(SearchAdapter):
    model = ResourceDocument
    type = "document"
    type_label = _("Document")

    def queryset(self):
        return ResourceDocument.objects.select_related("collection").prefetch_related(
            "themes"
        )

    def document(self, obj):
        audience = collection_audience(obj.collection)
        if not audience:
            return None
        return docs.SearchDocument(
            key=self.key(obj),
            type=self.type,
            type_label=str(self.type_label),
            title=obj.title,
            url=obj.url,
            body=" ".join(
                filter(
                    None,
                    [
                        obj.description,
                        obj.creator,
                        " ".join(obj.tags.names()),
                        obj.extracted_text,
                    ],
                )
            ),
            # The document's own date (Dublin Core), not its upload's.
            date=as_datetime(obj.date) or obj.created_at,
            themes=[theme.slug for theme in obj.themes.all()],
            year=(obj.date or obj.created_at.date()).year,
            audience=audience,
        )
