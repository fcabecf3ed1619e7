"""Signal handlers of the resource libraries (connected in ``apps.py``)."""

from django.db.models.signals import post_delete, post_save


def queue_text_extraction(sender, instance, **kwargs):
    """A new or replaced file gets its text extracted in the background."""
    from .tasks import enqueue_extraction

    if instance.needs_extraction:
        enqueue_extraction(instance)


def connect():
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished

    from .glossary_links import bump_glossary_version
    from .models import GlossaryTermPage, ResourceDocument

    # Glossary links cached per glossary version: any change of a term (saved,
    # published, unpublished, moved, deleted) or of who may see pages.
    receivers = [
        (post_save, GlossaryTermPage, "saved"),
        (post_delete, GlossaryTermPage, "deleted"),
        (page_published, GlossaryTermPage, "published"),
        (page_unpublished, GlossaryTermPage, "unpublished"),
        (post_save, PageViewRestriction, "restricted"),
        (post_delete, PageViewRestriction, "unrestricted"),
    ]
    for signal, sender, name in receivers:
        signal.connect(
            bump_glossary_version,
            sender=sender,
            dispatch_uid=f"resources.glossary_version.{name}",
        )

    post_save.connect(
        queue_text_extraction,
        sender=ResourceDocument,
        dispatch_uid="resources.queue_text_extraction",
    )
