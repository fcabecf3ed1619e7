"""Documents with Dublin Core metadata and their extracted text."""

import mimetypes

from django.db import models
from django.db.models import Exists, ExpressionWrapper, F, OuterRef
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, Document, DocumentQuerySet
from wagtail.models import CollectionViewRestriction
from wagtail.search import index

from ..choices import DocumentType, ExtractionStatus, Language, Licence


class ResourceDocumentQuerySet(DocumentQuerySet):
    def public(self):
        """Documents that anyone may read: no view restriction on their collection
        or any collection above it (one SQL condition, no extra query)."""
        restrictions = CollectionViewRestriction.objects.annotate(
            document_path=ExpressionWrapper(
                OuterRef("collection__path"), output_field=models.CharField()
            )
        ).filter(document_path__startswith=F("collection__path"))
        return self.filter(~Exists(restrictions))


class ResourceDocument(AbstractDocument):
    """A document of the library, described with a Dublin Core subset.

    Title (*title*), ``description``, ``creator``, ``date``, ``document_type``
    (*type*), ``format`` (MIME type, from the file), tags (*subject*),
    ``language`` and ``licence`` + ``rights`` (*rights*).
    """

    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Ce que contient le document et à qui il sert, en 2 ou 3 phrases."),
    )
    creator = models.CharField(
        _("auteur"),
        max_length=255,
        blank=True,
        help_text=_(
            "Une collectivité, un service ou un rôle (« équipe défis, site de "
            "Cluny ») plutôt que le nom d'une personne."
        ),
    )
    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_("Date de création ou de publication du document lui-même."),
    )
    document_type = models.CharField(
        _("type de document"),
        max_length=20,
        choices=DocumentType.choices,
        default=DocumentType.OTHER,
    )
    format = models.CharField(
        _("format"),
        max_length=120,
        blank=True,
        editable=False,
        help_text=_("Type MIME déduit du fichier."),
    )
    language = models.CharField(
        _("langue"), max_length=10, choices=Language.choices, default=Language.FRENCH
    )
    licence = models.CharField(
        _("licence"),
        max_length=30,
        choices=Licence.choices,
        default=Licence.CC_BY_NC_SA,
        help_text=_(
            "Ce que chacun peut faire du document : vérifiez avec son auteur "
            "avant de choisir une licence ouverte."
        ),
    )
    rights = models.CharField(
        _("mention de droits"),
        max_length=255,
        blank=True,
        help_text=_("Par exemple « © CNFPT 2018 » ; affichée avec la licence."),
    )
    themes = models.ManyToManyField(
        "home.Theme",
        blank=True,
        related_name="documents",
        verbose_name=_("thèmes"),
    )
    extracted_text = models.TextField(_("texte extrait"), blank=True, editable=False)
    extraction_status = models.CharField(
        _("extraction du texte"),
        max_length=20,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        editable=False,
    )
    extraction_message = models.TextField(
        _("message d'extraction"), blank=True, editable=False
    )
    # The file hash the stored text was extracted from: re-extract only when the
    # file changes, not on every metadata edit.
    extracted_hash = models.CharField(max_length=40, blank=True, editable=False)
    # Where an imported document comes from (« trello:<card id> »): the next
    # import of the same board updates it instead of adding a copy.
    source_key = models.CharField(
        _("origine"), max_length=100, blank=True, editable=False, db_index=True
    )

    admin_form_fields = Document.admin_form_fields + (
        "description",
        "creator",
        "date",
        "document_type",
        "language",
        "licence",
        "rights",
        "themes",
    )
    search_fields = AbstractDocument.search_fields + [
        index.SearchField("description"),
        index.SearchField("creator"),
        index.SearchField("extracted_text"),
        index.FilterField("document_type"),
        index.FilterField("language"),
        index.FilterField("licence"),
    ]

    objects = ResourceDocumentQuerySet.as_manager()

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["source_key"],
                condition=~models.Q(source_key=""),
                name="one_document_per_source",
            )
        ]

    def clean(self):
        # Wagtail checks the extension even when the form has already refused
        # the file (the instance then has none): one message is enough.
        if self.file:
            super().clean()

    def save(self, *args, **kwargs):
        if self.file:
            self.format = mimetypes.guess_type(self.file.name)[0] or ""
        if self.needs_extraction:
            self.extraction_status = ExtractionStatus.PENDING
            self.extraction_message = ""
        return super().save(*args, **kwargs)

    @property
    def needs_extraction(self):
        return bool(self.file) and self.extracted_hash != (self.file_hash or "")
