"""Small builders for the discussions tests."""

from community.discussions import posting
from community.discussions.models import Thread
from community.members.choices import CommunityAccess, MembershipRole
from community.members.tests.utils import add_member, make_community, make_user


def make_space(access=CommunityAccess.PUBLIC, name=None, members=(), animateurs=()):
    community = make_community(access, name=name)
    for user in members:
        add_member(community, user)
    for user in animateurs:
        add_member(community, user, MembershipRole.ANIMATEUR)
    return community


def make_thread(
    space, author, title="Comment associer les usagers ?", body="Vos idées ?", **extra
):
    """A thread written through the same code path as a member's form (the
    rate limits are those of an animateur: none)."""
    return posting.create_thread(author, space, title=title, body=body, **extra)


def reply(thread, user, body="Une réponse.", to=None):
    return posting.post_comment(
        user, thread, body=body, reply_to=to.pk if to is not None else None
    )


def member(name):
    return make_user(name)


__all__ = ["Thread", "make_space", "make_thread", "member", "reply"]
