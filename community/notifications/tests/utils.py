"""Small builders for the notifications tests: event types on members'
communities (this app's tests import nothing above it)."""

from unittest import mock

from community.members.choices import CommunityAccess
from community.members.tests.utils import add_member, make_community, make_user
from community.notifications import registry
from community.notifications.choices import Frequency, Level
from community.notifications.following import set_level
from community.notifications.publishing import deliver

NEWS = "essai.nouvelle"
DECISION = "essai.decision"


def register_test_types():
    registry.register_event_type(
        NEWS,
        "Nouvelles de l'e-communauté (essai)",
        followables=lambda target, context: [target],
        auto_follow=lambda actor, target, context: [(actor, target)],
    )
    registry.register_event_type(
        DECISION,
        "Décisions me concernant (essai)",
        personal=True,
        followables=lambda target, context: [],
        check_visibility=False,
    )


def unregister_test_types():
    registry.unregister_event_type(NEWS)
    registry.unregister_event_type(DECISION)


def travel_to(moment):
    """Every ``timezone.now()`` (``auto_now_add`` included) answers ``moment``."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def news(community, actor, text="Une nouvelle importante.", recipients=()):
    return deliver(
        NEWS,
        actor,
        community,
        list(recipients),
        {
            "verb": f"{actor} a publié une nouvelle",
            "excerpt": text,
            "space": community.name,
            "url": community.get_absolute_url() + "#nouvelle",
        },
    )


def make_world(access=CommunityAccess.PUBLIC):
    community = make_community(access, name=f"Communauté {access} essai")
    author = make_user("autrice")
    follower = make_user("suiveuse")
    bystander = make_user("passant")
    for user in (author, follower, bystander):
        add_member(community, user)
    set_level(follower, community, Level.WATCHING)
    return {
        "community": community,
        "author": author,
        "follower": follower,
        "bystander": bystander,
    }


__all__ = ["Frequency", "Level", "make_user", "make_world", "news", "travel_to"]
