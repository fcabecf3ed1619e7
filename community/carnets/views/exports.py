"""Downloading the carnet: PDF, or Markdown and attachments in a ZIP. The
reader gets exactly the entries they may read, in the moments they chose."""

from django.http import HttpResponse

from community.members import policy

from .. import export
from ..choices import Moment
from ..structure import edition_of, guide_for
from .carnets import _carnet, challenges_of


def _export_data(request, slug):
    carnet = _carnet(request, slug)
    team = carnet.team
    edition = edition_of(team)
    only = [m for m in request.GET.getlist("moments") if m in Moment.values] or None
    entries = policy.visible_to(carnet.entries.for_page(), request.user).select_related(
        "carnet"
    )
    if only:
        entries = entries.filter(moment__in=only)
    return (
        carnet,
        list(entries),
        guide_for(edition),
        edition,
        challenges_of(team, request.user),
        only,
    )


def _download(content, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


def export_pdf(request, slug):
    carnet, *rest = _export_data(request, slug)
    return _download(
        export.carnet_pdf(carnet, *rest),
        "application/pdf",
        export.filename(carnet, "pdf"),
    )


def export_zip(request, slug):
    carnet, *rest = _export_data(request, slug)
    return _download(
        export.carnet_zip(carnet, *rest),
        "application/zip",
        export.filename(carnet, "zip"),
    )
