"""New threads and replies in a member's spaces, for their dashboard: their
communities, their teams and the défis of their teams, and the comments on
the resource pages they commented (what they may read, never their own
posts)."""

from django.db.models import Q
from django.utils.translation import gettext as _

from community.members import policy
from community.members.activity import ActivityItem, register_source

from .models import Comment, Thread


def discussion_activity(user, p, limit):
    if not p.authenticated:
        return []
    commented_pages = Comment.objects.filter(
        user=user, discussion__page__isnull=False
    ).values("discussion_id")
    mine = (
        Q(community_id__in=p.communities)
        | Q(team_id__in=p.teams)
        | Q(challenge__teams__in=p.teams)
    )
    threads = (
        policy.visible_to(Thread.objects.filter(mine), user)
        .exclude(author=user)
        .select_related("author")
        .order_by("-created_at")
        .distinct()[:limit]
    )
    comments = (
        policy.visible_to(
            Comment.objects.filter(
                Q(discussion__community_id__in=p.communities)
                | Q(discussion__team_id__in=p.teams)
                | Q(discussion__challenge__teams__in=p.teams)
                | Q(discussion_id__in=commented_pages)
            ),
            user,
        )
        .exclude(user=user)
        .select_related("user", "discussion")
        .order_by("-submit_date")
        .distinct()[:limit]
    )
    items = [
        ActivityItem(
            thread.created_at,
            _("%(author)s a ouvert le fil « %(title)s »")
            % {"author": thread.author or _("Membre supprimé"), "title": thread.title},
            thread.get_absolute_url(),
        )
        for thread in threads
    ]
    items += [
        ActivityItem(
            comment.submit_date,
            (
                _("%(author)s a commenté « %(title)s »")
                if comment.discussion.page_id
                else _("%(author)s a répondu dans « %(title)s »")
            )
            % {"author": comment.user, "title": comment.discussion.title},
            comment.get_absolute_url(),
        )
        for comment in comments
    ]
    return items


def register():
    register_source(discussion_activity)
