"""The carnet exported: a PDF with a real layout (WeasyPrint) and Markdown in
a ZIP with the attachments.

The PDF has a cover (team, défi, édition, dates), a table of contents with
page numbers, the moments with their introductions and prompts, every entry
with its author, dates and images, and numbered pages. WeasyPrint reads
nothing from the network or the disk: its URL fetcher only serves the
attachments of the entries being exported (``carnet-piece:<id>``).
"""

import io
import re
import zipfile

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from .structure import commitments, event_end, moments
from .text import render_markdown

ATTACHMENT_SCHEME = "carnet-piece"


def _attachment_fetcher(attachments):
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    by_pk = {str(a.pk): a for a in attachments if a.is_image}

    class AttachmentFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            scheme, _, key = url.partition(":")
            attachment = by_pk.get(key) if scheme == ATTACHMENT_SCHEME else None
            if attachment is None:
                raise ValueError(f"ressource refusée dans l'export : {url[:80]}")
            with attachment.file.open("rb") as handle:
                return URLFetcherResponse(url, handle.read())

    return AttachmentFetcher()


def export_context(carnet, entries, guide, edition, challenges, only=None):
    for entry in entries:
        entry.body_html = render_markdown(entry.body)
        entry.attachment_list = list(entry.attachments.all())
    return {
        "carnet": carnet,
        "team": carnet.team,
        "edition": edition,
        "challenges": challenges,
        "moments": moments(entries, guide, event_end(edition), only=only),
        "commitments": commitments(entries),
        "generated_at": timezone.localtime(),
        "base_url": settings.WAGTAILADMIN_BASE_URL,
        "only": only,
    }


def carnet_pdf(carnet, entries, guide, edition, challenges, only=None):
    """The PDF bytes of the carnet (``entries`` already filtered for the reader)."""
    from weasyprint import HTML

    context = export_context(carnet, entries, guide, edition, challenges, only)
    html = render_to_string("carnets/export/carnet_pdf.html", context)
    attachments = [a for entry in entries for a in entry.attachment_list]
    return HTML(
        string=html,
        base_url=settings.WAGTAILADMIN_BASE_URL,
        url_fetcher=_attachment_fetcher(attachments),
    ).write_pdf()


def attachment_path(attachment):
    return f"pieces-jointes/{attachment.entry_id}-{attachment.pk}-{attachment.name}"


def carnet_markdown(context):
    return render_to_string("carnets/export/carnet.md", context)


def carnet_zip(carnet, entries, guide, edition, challenges, only=None):
    """A ZIP: ``carnet.md`` and the attachments it links to."""
    context = export_context(carnet, entries, guide, edition, challenges, only)
    for entry in entries:
        for attachment in entry.attachment_list:
            attachment.zip_path = attachment_path(attachment)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("carnet.md", _tidy(carnet_markdown(context)))
        for entry in entries:
            for attachment in entry.attachment_list:
                try:
                    with attachment.file.open("rb") as handle:
                        archive.writestr(attachment.zip_path, handle.read())
                except OSError:
                    continue
    return buffer.getvalue()


def _tidy(text):
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def filename(carnet, extension):
    return f"carnet-{slugify(carnet.team.name) or carnet.team.slug}.{extension}"
