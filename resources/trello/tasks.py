"""The worker's side of a Trello import: the cards are imported by batches,
each in its own transaction, and the progress is written after each batch
for the progress page. A batch that fails leaves the earlier ones in place
(they are complete documents) and the import « en échec » with its reason;
importing the board again finishes it without copies (cards are matched by
their id)."""

import logging

from django.db import transaction
from django.utils.translation import gettext as _

from django_tasks import task

from home.trello import Board

from ..choices import ImportStatus
from ..models import TrelloImport
from .plan import ThemeMatcher, apply_row, build_plan, summary

logger = logging.getLogger(__name__)

BATCH = 50


@task()
def import_trello_board(import_id):
    job = TrelloImport.objects.filter(pk=import_id).select_related("created_by").first()
    if job is None or job.status != ImportStatus.QUEUED:
        return
    rows = build_plan(Board.from_dict(job.board), ThemeMatcher())
    TrelloImport.objects.filter(pk=job.pk).update(
        status=ImportStatus.RUNNING, total=len(rows), done=0
    )
    try:
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            with transaction.atomic():
                for row in batch:
                    apply_row(row, job.collection, job.created_by)
                TrelloImport.objects.filter(pk=job.pk).update(done=start + len(batch))
    except Exception:
        logger.exception("Import Trello %s interrompu", job.pk)
        TrelloImport.objects.filter(pk=job.pk).update(
            status=ImportStatus.FAILED,
            message=_(
                "L'import s'est interrompu : les cartes déjà traitées sont dans la "
                "bibliothèque. Importez de nouveau le même tableau pour terminer, "
                "sans créer de doublons."
            ),
        )
        raise
    TrelloImport.objects.filter(pk=job.pk).update(
        status=ImportStatus.DONE, counts=summary(rows), board={}
    )


def queue(job):
    """Confirmed: import in the worker once the confirmation commits."""
    TrelloImport.objects.filter(pk=job.pk).update(status=ImportStatus.QUEUED)
    job_id = str(job.pk)
    transaction.on_commit(lambda: import_trello_board.enqueue(job_id))
