"""Small helpers shared by the discussions' views."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect

from allauth.account.adapter import get_adapter

from community.members import policy

from ..models import Comment, Thread
from ..spaces import BY_KEY


def client_ip(request):
    """The visitor's address as allauth reads it for its own limits: behind
    the proxies of ``ALLAUTH_TRUSTED_PROXY_COUNT`` (production), the one they
    forwarded, not the proxy's own (which every visitor would share)."""
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return None


def space_or_404(request, kind_key, slug):
    kind = BY_KEY.get(kind_key)
    space = kind.get(slug) if kind else None
    if space is None or not policy.may_know(request.user, space):
        raise Http404
    if hasattr(space, "specific"):
        space = space.specific
    return kind, space


def thread_or_404(pk):
    return get_object_or_404(
        Thread.objects.select_related(
            "author", "community", "team__community", "challenge", "page"
        ),
        pk=pk,
    )


def comment_or_404(pk):
    return get_object_or_404(
        Comment.objects.select_related(
            "user",
            "discussion__community",
            "discussion__team__community",
            "discussion__challenge",
            "discussion__page",
        ),
        pk=pk,
    )


def ensure_readable(request, thread):
    """A thread one may read, or a hidden one one moderates (to decide)."""
    if policy.can_view(request.user, thread):
        return thread
    if thread.state == "hidden" and policy.can_moderate(request.user, thread):
        return thread
    return policy.ensure(request.user, thread, "view")


def refused(request, error, url):
    messages.error(request, error.message)
    return redirect(url)
