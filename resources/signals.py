"""Signal handlers of the resource libraries (connected in ``apps.py``)."""

from django.db.models.signals import post_save


def queue_text_extraction(sender, instance, **kwargs):
    """A new or replaced file gets its text extracted in the background."""
    from .tasks import enqueue_extraction

    if instance.needs_extraction:
        enqueue_extraction(instance)


def connect():
    from .models import ResourceDocument

    post_save.connect(
        queue_text_extraction,
        sender=ResourceDocument,
        dispatch_uid="resources.queue_text_extraction",
    )
