"""What the resources app gives to the site search: its documents (pages are
indexed by the search app's generic page adapter), found by those who may read
their collection (the policy's rule for Wagtail documents). The extracted text
of the file is searched with the metadata. ``register()`` is called from
``ResourcesConfig.ready()``."""

from django.utils.translation import gettext_lazy as _

from home.dates import as_datetime
from search import registry, text
from search.documents import SearchDocument

from .models import ResourceDocument


class DocumentAdapter(registry.SearchAdapter):
    model = ResourceDocument
    type = "document"
    type_label = _("Document")

    def queryset(self):
        return ResourceDocument.objects.select_related("collection").prefetch_related(
            "themes"
        )

    def document(self, obj):
        return SearchDocument(
            key=self.key(obj),
            type=self.type,
            type_label=str(self.type_label),
            title=obj.title,
            url=obj.url,
            body=text.document_text(
                [
                    *text.text_passages(obj.description),
                    *text.text_passages(obj.creator),
                    *obj.tags.names(),
                    *text.text_passages(obj.extracted_text),
                ]
            ),
            # The document's own date (Dublin Core), not its upload's.
            date=as_datetime(obj.date) or obj.created_at,
            themes=[theme.slug for theme in obj.themes.all()],
            year=(obj.date or obj.created_at.date()).year,
        )


def reindex_documents_under(sender, instance, **kwargs):
    """A view restriction on a collection changes who finds its documents."""
    from wagtail.models import Collection

    from search.sync import enqueue

    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is not None:
        documents = ResourceDocument.objects.filter(
            collection__path__startswith=collection.path
        ).only("pk")
        enqueue([registry.key_for(document) for document in documents])


def register():
    from django.db.models.signals import post_delete, post_save

    from wagtail.models import CollectionViewRestriction

    registry.register(DocumentAdapter)
    for signal in (post_save, post_delete):
        signal.connect(
            reindex_documents_under,
            sender=CollectionViewRestriction,
            dispatch_uid=f"search_documents_restricted_{signal is post_save}",
        )
