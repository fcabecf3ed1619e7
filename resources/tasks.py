"""Background work of the resource libraries (Django's tasks API)."""

import logging

from django.db import transaction

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def extract_document_text(document_id):
    """Extract and store a document's text; never raises on a bad file."""
    from wagtail.search.index import insert_or_update_object

    from .choices import ExtractionStatus
    from .extraction import Extraction, extract_text
    from .models import ResourceDocument

    document = ResourceDocument.objects.filter(pk=document_id).first()
    if document is None or not document.needs_extraction:
        return
    try:
        with document.open_file() as handle:
            data = handle.read()
    except OSError as error:
        logger.warning("Document %s: file unreadable: %s", document_id, error)
        result = Extraction(ExtractionStatus.FAILED, message=str(error))
    else:
        result = extract_text(data, document.file_extension)
    # update() rather than save(): no new post_save, so no new extraction task.
    ResourceDocument.objects.filter(pk=document_id).update(
        extracted_text=result.text,
        extraction_status=result.status,
        extraction_message=result.message,
        extracted_hash=document.file_hash or "",
    )
    document.refresh_from_db()
    insert_or_update_object(document)


def enqueue_extraction(document):
    """Extract after the upload's transaction commits, outside the request."""
    document_id = document.pk
    transaction.on_commit(lambda: extract_document_text.enqueue(document_id))
