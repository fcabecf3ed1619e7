"""Feedback on an entry: members and facilitators (and readers of a shared
entry who are logged in) comment; the author of a comment or the team's
facilitateurs remove it, leaving a trace « retour supprimé »."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from community.members import policy

from ..forms import CommentForm
from ..models import Entry, EntryComment
from ..notices import entry_commented
from .common import entry_or_404


def comment_add(request, pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    entry = policy.ensure(request.user, entry_or_404(pk), "contribute")
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _("Retour non envoyé : %(errors)s")
            % {"errors": " ".join(form.errors.get("comment", []))},
        )
        return redirect(entry.get_absolute_url() + "#retours")
    comment = EntryComment.objects.create(
        content_type=ContentType.objects.get_for_model(Entry),
        object_pk=str(entry.pk),
        site=Site.objects.get_current(),
        user=request.user,
        comment=form.cleaned_data["comment"],
        submit_date=timezone.now(),
    )
    entry_commented(entry, comment, request.user)
    messages.success(request, _("Votre retour est publié."))
    return redirect(f"{entry.get_absolute_url()}#retour-{comment.pk}")


def comment_remove(request, pk, comment):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    entry = entry_or_404(pk)
    item = get_object_or_404(EntryComment.objects.all(), pk=comment, object_pk=str(pk))
    item.content_object = entry
    policy.ensure(request.user, item, "moderate")
    item.is_removed = True
    item.save(update_fields=["is_removed"])
    messages.success(request, _("Le retour est supprimé."))
    return redirect(entry.get_absolute_url() + "#retours")


def comments_for(entry, user):
    """The entry's comments for the page, with what ``user`` may do to each."""
    comments = list(
        EntryComment.objects.filter(object_pk=str(entry.pk), is_public=True)
        .select_related("user")
        .order_by("submit_date", "pk")
    )
    for comment in comments:
        comment.content_object = entry
        comment.can_remove = not comment.is_removed and policy.can_moderate(
            user, comment
        )
    return comments
