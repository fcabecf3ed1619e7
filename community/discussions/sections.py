"""The discussions' sections on the pages of the apps below: the latest
threads of an e-communauté, an équipe apprenante or a défi, and a link to
open one (``home.sections`` registry)."""

from django.utils.translation import gettext_lazy as _

from community.members import policy
from home.sections import register_section

from . import reading
from .models import Thread
from .spaces import kind_of

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


def register():
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
