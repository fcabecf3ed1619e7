"""The discussions' sections on the pages of the apps below: the latest
threads of an e-communauté, an équipe apprenante or a défi, and a link to
open one (``home.sections`` registry)."""

from community.members import policy

from .models import Thread
from .spaces import kind_of

LATEST = 5


def space_section(request, space):
    """Context of the section, or None to hide it (the space is not readable)."""
    user = request.user
    if not policy.can_view(user, space):
        return None
    threads = list(
        policy.visible_to(Thread.objects.in_space(space), user)
        .select_related("author")
        .order_by("-pinned", "-last_activity_at", "-pk")[:LATEST]
    )
    return {
        "space": space,
        "space_kind": kind_of(space),
        "threads": threads,
        "can_post": policy.can_contribute(user, space),
    }


def register():
    try:
        from home.sections import register_section
    except ImportError:  # the page-sections registry (ground issue) is not on main yet
        return
    template = "discussions/includes/space_section.html"
    for target in ("members.community", "members.team", "challenges.challenge"):
        register_section(target, "discussions", template, space_section, order=50)
