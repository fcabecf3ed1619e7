"""The one PDF pipeline of capitalisation (a défi's booklet, an édition's
bilan): an HTML template laid out for print (``capitalisation/print/``:
cover, contents with page numbers, numbered pages), rendered by WeasyPrint in
the tasks worker and kept in a ``CachedPdf`` row with the *fingerprint* of
its content — the SHA-256 of the HTML made without its date of generation.
A PDF is served only while its fingerprint is the content's current one: a
change makes a new one, and a stale PDF is never served.

WeasyPrint reads nothing from the network or the disk: all it shows is in the
HTML (text and inline SVG; no images are fetched).
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone


def refuse_fetch():
    from weasyprint.urls import URLFetcher

    class RefusingFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            raise ValueError(f"ressource refusée dans le livret : {url[:80]}")

    return RefusingFetcher()


@dataclass(frozen=True)
class Printed:
    """One kind of printed document: its print template, the ``CachedPdf``
    model that keeps it and that model's field naming its subject."""

    template: str
    model: type
    owner: str

    def html(self, context, generated_at=None):
        return render_to_string(
            self.template, {**context, "generated_at": generated_at}
        )

    def fingerprint(self, context):
        return hashlib.sha256(self.html(context).encode()).hexdigest()

    def render(self, context):
        from weasyprint import HTML

        return HTML(
            string=self.html(context, generated_at=timezone.localtime()),
            base_url=settings.WAGTAILADMIN_BASE_URL,
            url_fetcher=refuse_fetch(),
        ).write_pdf()

    def current(self, subject, context, print_=None):
        """The stored PDF if it matches the content as it is now, else ``None``."""
        return self.model.objects.filter(
            **{self.owner: subject},
            fingerprint=print_ or self.fingerprint(context),
        ).first()

    def build(self, subject, context):
        """Make and store the PDF unless the stored one is current."""
        print_ = self.fingerprint(context)
        stored = self.current(subject, context, print_)
        if stored is not None:
            return stored
        stored, _created = self.model.objects.update_or_create(
            **{self.owner: subject},
            defaults={
                "fingerprint": print_,
                "pdf": self.render(context),
                "generated_at": timezone.now(),
            },
        )
        return stored
