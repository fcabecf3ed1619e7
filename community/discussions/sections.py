"""The discussions' sections on the pages of the apps below: the latest
threads of an e-communauté, an équipe apprenante or a défi, and a link to
open one; the comments of a resource page (glossary term, méthodologie,
bibliography reference), read and written in place (``home.sections``
registry)."""

from django.utils.translation import gettext_lazy as _

from community.members import policy
from home.sections import register_section

from . import posting, reading
from .forms import CommentForm
from .models import Thread
from .spaces import is_commentable, kind_of

LATEST = 5


def space_section(request, space):
    """Context of the section, or None to hide it (the space is not readable)."""
    user = request.user
    if not policy.can_view(user, space):
        return None
    threads = list(
        reading.with_reading_state(
            policy.visible_to(Thread.objects.in_space(space), user).for_listing(),
            user,
        ).order_by("-pinned", "-last_activity_at", "-pk")[:LATEST]
    )
    return {
        "space": space,
        "space_kind": kind_of(space),
        "threads": threads,
        "can_post": policy.can_contribute(user, space),
    }


def page_comments_section(request, page):
    """The comments of a resource page, as on a thread page (first page of
    top-level comments with their first replies, in constant queries), and
    the form to comment; None when the page is not readable."""
    from types import SimpleNamespace

    from django.urls import reverse

    user = request.user
    if not is_commentable(page) or not policy.can_view(user, page):
        return None
    thread = posting.page_thread(page)
    if thread is not None:
        thread.page = page  # its space, already read
    context = {
        "thread": thread,
        "page": page,
        "can_comment": policy.can_contribute(user, page),
        "comment_form": CommentForm(),
        "post_url": reverse("discussions:comment_page", args=[page.pk]),
        "glossary_scope": SimpleNamespace(),
        "title": _("Commentaires"),
    }
    if thread is None or not policy.can_view(user, thread):
        return {**context, "thread": None, "nodes": [], "count": 0}
    page_obj = reading.top_level_page(request, thread)
    try:
        expanded = int(request.GET.get("suite", 0))
    except ValueError:
        expanded = 0
    nodes, _opening, _reported = reading.comment_tree(
        request, thread, page_obj, None, expanded
    )
    return {
        **context,
        "nodes": nodes,
        "page_obj": page_obj,
        "count": thread.comment_count,
        "can_reply": policy.can_contribute(user, thread),
        "can_moderate": policy.can_moderate(user, thread),
        "fragment_base": reverse("discussions:thread", args=[thread.pk]),
    }


def register():
    register_section(
        "resources.page",
        "commentaires",
        "discussions/includes/page_comments.html",
        page_comments_section,
        order=80,
    )
    template = "discussions/includes/space_section.html"
    for target in ("members.community", "members.team", "challenges.challenge"):
        register_section(
            target,
            "discussions",
            template,
            space_section,
            order=50,
            title=_("Fils de discussion"),
        )
