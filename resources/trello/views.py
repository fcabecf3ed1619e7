"""Admin views of a Trello import: upload, preview, progress. Each is for
editors who may add documents to at least one collection; an import is
seen and confirmed by the person who uploaded it only."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from home.trello import Board

from ..choices import ImportStatus
from ..models import TrelloImport
from . import tasks
from .forms import TrelloUploadForm, collections_for
from .plan import build_plan, summary


def ensure_can_import(user):
    if not collections_for(user).exists():
        raise PermissionDenied


def own_import(request, pk):
    ensure_can_import(request.user)
    job = get_object_or_404(TrelloImport.objects.select_related("collection"), pk=pk)
    if job.created_by_id != request.user.pk:
        raise Http404
    return job


@require_http_methods(["GET", "POST"])
def upload(request):
    ensure_can_import(request.user)
    form = TrelloUploadForm(
        request.POST or None, request.FILES or None, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        job = TrelloImport.objects.create(
            board=form.board.as_dict(),
            filename=form.cleaned_data["file"].name[:255],
            collection=form.cleaned_data["collection"],
            created_by=request.user,
        )
        return redirect("trello_import_preview", pk=job.pk)
    return TemplateResponse(
        request,
        "resources/admin/trello_upload.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def preview(request, pk):
    job = own_import(request, pk)
    if job.status != ImportStatus.PREVIEW:
        return redirect("trello_import_progress", pk=job.pk)
    if job.collection not in collections_for(request.user):
        raise PermissionDenied
    rows = build_plan(Board.from_dict(job.board))
    counts = summary(rows)
    if request.method == "POST" and (counts["create"] or counts["update"]):
        tasks.queue(job)
        return redirect("trello_import_progress", pk=job.pk)
    return TemplateResponse(
        request,
        "resources/admin/trello_preview.html",
        {"job": job, "board": job.board, "rows": rows, "counts": counts},
    )


def progress(request, pk):
    job = own_import(request, pk)
    if job.status == ImportStatus.PREVIEW:
        return redirect("trello_import_preview", pk=job.pk)
    if request.GET.get("format") == "json":
        text = _("%(status)s — %(done)s carte(s) traitée(s) sur %(total)s.") % {
            "status": job.get_status_display(),
            "done": job.done,
            "total": job.total,
        }
        return JsonResponse(
            {
                "finished": job.finished,
                "done": job.done,
                "total": job.total,
                "percent": job.percent,
                "text": text,
            }
        )
    return TemplateResponse(
        request, "resources/admin/trello_progress.html", {"job": job}
    )
