"""Rebuild the search index from the database, or report drift with --check."""

import sys
import time

from django.core.management.base import BaseCommand

from search import service
from search.backends.database import DatabaseBackend


class Progress:
    """A one-line progress bar on stderr (no extra dependency)."""

    def __init__(self, total, label, stream=sys.stderr, width=30):
        self.total, self.done, self.label, self.stream, self.width = (
            total,
            0,
            label,
            stream,
            width,
        )

    def __call__(self, count):
        self.done += count
        ratio = min(self.done / self.total, 1) if self.total else 1
        bar = "█" * int(ratio * self.width)
        self.stream.write(
            f"\r{self.label} [{bar:<{self.width}}] {self.done}/{self.total}"
        )
        self.stream.flush()

    def end(self):
        self.stream.write("\n")


class Command(BaseCommand):
    help = (
        "Reconstruit l'index de recherche (base de données, et Elasticsearch s'il est "
        "configuré, sans interruption). --check signale les écarts sans rien modifier."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Signaler les écarts seulement."
        )

    def handle(self, *args, check=False, **options):
        started = time.monotonic()
        documents = {doc.key: doc for doc in service.all_documents()}
        if check:
            return self.report_drift(documents)
        backends = [DatabaseBackend()]
        if service.elasticsearch_enabled():
            backends.append(service.elasticsearch_backend())
        for backend in backends:
            progress = Progress(len(documents), f"{backend.name:>13}")
            backend.rebuild(iter(documents.values()), progress)
            progress.end()
        replayed = service.replay_pending() if service.elasticsearch_enabled() else 0
        by_type = {}
        for doc in documents.values():
            by_type[doc.type_label] = by_type.get(doc.type_label, 0) + 1
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(documents)} éléments indexés en {time.monotonic() - started:.1f} s "
                f"({', '.join(b.name for b in backends)})."
            )
        )
        for label, count in sorted(by_type.items()):
            self.stdout.write(f"  · {label} : {count}")
        if replayed:
            self.stdout.write(f"  · {replayed} opérations en attente rejouées")

    def report_drift(self, documents):
        expected = set(documents)
        drift = False
        backends = [DatabaseBackend()]
        if service.elasticsearch_enabled():
            backends.append(service.elasticsearch_backend())
        for backend in backends:
            indexed = backend.indexed_keys()
            missing, extra = expected - indexed, indexed - expected
            stale = set()
            outdated = False
            if backend.name == "database":
                from search.models import SearchEntry

                for key, title, url, body in SearchEntry.objects.values_list(
                    "key", "title", "url", "body"
                ):
                    doc = documents.get(key)
                    if doc and (
                        doc.title[:500] != title
                        or doc.url[:500] != url
                        or doc.body != body
                    ):
                        stale.add(key)
            else:
                from search.backends.elasticsearch import INDEX_VERSION

                version = backend.index_version()
                outdated = version != INDEX_VERSION
                if outdated:
                    self.stdout.write(
                        f"{backend.name} : index de version {version}, "
                        f"version attendue {INDEX_VERSION}"
                    )
            self.stdout.write(
                f"{backend.name} : {len(indexed)} indexés, {len(missing)} manquants, "
                f"{len(extra)} en trop, {len(stale)} périmés"
            )
            for key in sorted(missing | extra | stale)[:20]:
                self.stdout.write(f"  · {key}")
            drift = drift or outdated or bool(missing or extra or stale)
        if drift:
            self.stdout.write(
                self.style.WARNING("Écarts détectés : lancez « search_reindex ».")
            )
            raise SystemExit(1)
        self.stdout.write(self.style.SUCCESS("Index à jour."))
