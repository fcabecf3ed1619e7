"""Secret links: made and revoked by the team; opened by anyone who holds
one, without logging in, read-only, until it expires or is revoked."""

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community.members import policy

from ..forms import ShareLinkForm
from ..models import Attachment, ShareLink
from ..structure import edition_of, event_end, guide_for, moments
from .attachments import serve
from .carnets import _carnet
from .common import PageState, with_html


def link_create(request, slug):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    carnet = _carnet(request, slug, "edit")
    form = ShareLinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Lien non créé : choisissez une durée proposée."))
        return redirect(_links_page(None, carnet))
    entry = None
    if form.cleaned_data["entry"]:
        entry = get_object_or_404(carnet.entries, pk=form.cleaned_data["entry"])
        policy.ensure(request.user, entry, "edit")
    link = ShareLink.objects.create(
        carnet=carnet,
        entry=entry,
        label=form.cleaned_data["label"],
        created_by=request.user,
        expires_at=form.expires_at(),
    )
    messages.success(
        request,
        _(
            "Lien secret créé, valable jusqu'au %(date)s : copiez-le ci-dessous et "
            "donnez-le à qui doit lire, sans compte."
        )
        % {"date": timezone.localtime(link.expires_at).strftime("%d/%m/%Y")},
    )
    return redirect(_links_page(entry, carnet))


def link_revoke(request, pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    link = get_object_or_404(
        ShareLink.objects.select_related("carnet__team__community", "entry"), pk=pk
    )
    policy.ensure(request.user, link, "edit")
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    messages.success(request, _("Le lien est révoqué : il n'ouvre plus rien."))
    return redirect(_links_page(link.entry, link.carnet))


def _links_page(entry, carnet):
    if entry is not None:
        return entry.get_absolute_url() + "#liens-secrets"
    return reverse("carnets:carnet_sharing", kwargs={"slug": carnet.team.slug})


def _link_or_gone(request, token):
    link = (
        ShareLink.objects.select_related("carnet__team__community", "entry")
        .filter(token=token)
        .first()
    )
    if link is None or not link.is_active:
        return None, render(
            request,
            "carnets/shared_gone.html",
            {"expired": link is not None and link.revoked_at is None},
            status=404 if link is None else 410,
        )
    return link, None


def shared(request, token):
    """What a secret link opens: the whole carnet, or one entry."""
    link, gone = _link_or_gone(request, token)
    if gone:
        return gone
    carnet = link.carnet
    team = carnet.team
    edition = edition_of(team)
    entries = [link.entry] if link.entry_id else list(carnet.entries.for_page())
    with_html(entries, PageState())
    context = {
        "link": link,
        "carnet": carnet,
        "team": team,
        "edition": edition,
    }
    if link.entry_id:
        context["entry"] = entries[0]
        context["attachments"] = list(link.entry.attachments.all())
    else:
        context["moments"] = moments(entries, guide_for(edition), event_end(edition))
    response = render(request, "carnets/shared.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, no-store"
    return response


def shared_attachment(request, token, attachment):
    link, gone = _link_or_gone(request, token)
    if gone:
        return gone
    items = Attachment.objects.filter(entry__carnet=link.carnet)
    if link.entry_id:
        items = items.filter(entry_id=link.entry_id)
    return serve(get_object_or_404(items, pk=attachment))
