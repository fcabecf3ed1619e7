"""A Trello board being brought into the document library: kept from the
preview to the confirmation, then the import's progress (run by the tasks
worker, see ``resources/trello/``)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import ImportStatus


class TrelloImport(models.Model):
    """One upload of a Trello board's JSON export, and what became of it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    board = models.JSONField(
        _("tableau"), help_text=_("Le tableau lu dans le fichier.")
    )
    filename = models.CharField(_("fichier"), max_length=255)
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        on_delete=models.CASCADE,
        related_name="+",  # collections do not list their imports
        verbose_name=_("collection"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("état"),
        max_length=10,
        choices=ImportStatus.choices,
        default=ImportStatus.PREVIEW,
    )
    total = models.PositiveIntegerField(_("cartes à traiter"), default=0)
    done = models.PositiveIntegerField(_("cartes traitées"), default=0)
    counts = models.JSONField(_("bilan"), default=dict, blank=True)
    message = models.TextField(_("message"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import Trello")
        verbose_name_plural = _("imports Trello")

    def __str__(self):
        return self.filename

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 100

    @property
    def finished(self):
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)
