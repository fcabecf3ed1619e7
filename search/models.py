"""Storage of the embedded back end, and the queue of Elasticsearch operations
waiting for the cluster to come back."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One indexed item (a ``SearchDocument``) in the database back end.

    It is also the index of record: when Elasticsearch is the primary back end,
    search falls back to these rows while the cluster is down.
    """

    key = models.CharField(max_length=120, unique=True)
    type = models.CharField(max_length=60, db_index=True)
    type_label = models.CharField(max_length=120)
    title = models.CharField(max_length=500)
    url = models.CharField(max_length=500)
    body = models.TextField(blank=True)
    date = models.DateTimeField(null=True, blank=True, db_index=True)
    site = models.CharField(max_length=60, blank=True, db_index=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    # Space-delimited tokens so that ``contains " x "`` matches on any database.
    themes = models.TextField(blank=True)
    communities = models.TextField(blank=True)
    audience = models.TextField()
    # Stemmed, folded terms (SQLite) and a tsvector (PostgreSQL, french_unaccent).
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    title_words = models.TextField(blank=True)
    vector = SearchVectorField(null=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("entrée de l'index de recherche")
        verbose_name_plural = _("entrées de l'index de recherche")

    def __str__(self):
        return self.title


class PendingIndexOperation(models.Model):
    """An Elasticsearch write that failed (cluster down), replayed later."""

    key = models.CharField(max_length=120, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("opération d'indexation en attente")

    def __str__(self):
        return self.key
