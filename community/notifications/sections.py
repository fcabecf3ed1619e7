"""Page sections: « Suivre » on the pages of communities, teams and défis, and
the latest unread notifications on the dashboard."""

from django.utils.translation import gettext_lazy as _

from community.members import policy
from home.sections import register_section

from .following import follow_of
from .models import Notification

FOLLOWABLE_PAGES = ("members.community", "members.team", "challenges.challenge")
LATEST = 5


def follow_section(request, obj):
    user = request.user
    if not user.is_authenticated or not policy.can_view(user, obj):
        return None
    return {"follow": follow_of(user, obj)}


def dashboard_section(request, user):
    latest = list(Notification.objects.for_user(user).unread()[:LATEST])
    return {"latest": latest}


def register():
    for target in FOLLOWABLE_PAGES:
        register_section(
            target,
            "suivre",
            "notifications/sections/follow.html",
            follow_section,
            order=5,
            title=_("Suivre"),
        )
    register_section(
        "members.dashboard",
        "notifications",
        "notifications/sections/dashboard.html",
        dashboard_section,
        order=5,
        title=_("Mes notifications non lues"),
    )
