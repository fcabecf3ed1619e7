"""Attachments of an entry: added and removed by its editors, served only
through the permission check (never by a public media URL)."""

import mimetypes

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from community.members import policy
from home.storage import ObjectStoreUnavailable

from ..forms import AttachmentForm
from ..models import Attachment
from .common import entry_or_404, refuse_departed

INLINE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"}


def attachment_add(request, pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    entry = entry_or_404(pk)
    refused = refuse_departed(request, entry)
    if refused:
        return refused
    policy.ensure(request.user, entry, "edit")
    form = AttachmentForm(request.POST, request.FILES, entry=entry)
    if not form.is_valid():
        return render(
            request,
            "carnets/attachment_error.html",
            {
                "entry": entry,
                "carnet": entry.carnet,
                "team": entry.carnet.team,
                "form": form,
            },
            status=400,
        )
    data = form.cleaned_data
    upload = data["file"]
    upload.name = data["name"]
    Attachment.objects.create(
        entry=entry,
        file=upload,
        name=data["name"],
        kind=data["kind"],
        description=data["description"],
        size=upload.size,
        width=data["width"],
        height=data["height"],
        uploaded_by=request.user,
    )
    messages.success(
        request, _("« %(name)s » est joint à l'entrée.") % {"name": data["name"]}
    )
    return redirect(entry.get_absolute_url())


def serve(attachment, download=False):
    content_type = (
        mimetypes.guess_type(attachment.name)[0] or "application/octet-stream"
    )
    try:
        handle = attachment.file.open("rb")
    except ObjectStoreUnavailable:
        raise  # the French 503 page, not a 404: the file is still there
    except OSError as error:
        raise Http404 from error
    inline = content_type in INLINE_TYPES and not download
    response = FileResponse(
        handle,
        content_type=content_type,
        as_attachment=not inline,
        filename=attachment.name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def attachment_view(request, pk, attachment):
    item = get_object_or_404(
        Attachment.objects.select_related("entry__carnet__team__community"),
        pk=attachment,
        entry_id=pk,
    )
    policy.ensure(request.user, item)
    return serve(item, download="telecharger" in request.GET)


def attachment_delete(request, pk, attachment):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    item = get_object_or_404(
        Attachment.objects.select_related("entry__carnet__team__community"),
        pk=attachment,
        entry_id=pk,
    )
    refused = refuse_departed(request, item.entry)
    if refused:
        return refused
    policy.ensure(request.user, item, "edit")
    item.file.delete(save=False)
    item.delete()
    messages.success(request, _("La pièce jointe est retirée."))
    return redirect(item.entry.get_absolute_url())
