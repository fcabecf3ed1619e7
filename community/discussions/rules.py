"""The discussions' rules in the one policy: a thread is seen, written in and
moderated as its space (e-communauté, équipe apprenante, défi) says; a comment
as its thread. Nothing here re-spells a space's rule: every answer asks the
space's own rule through ``policy.rule_for``.

On top of the space's answer:

- a thread hidden or removed by moderation is seen by nobody (its moderators
  reach it through the moderation queue); a comment likewise;
- replying needs an open thread (not locked, not archived);
- editing is the author's (while they may still see the thread);
- moderating is the space's moderators', and the holders of the
  ``discussions.moderate_discussions`` permission where they may read.
"""

from django.db.models import Q

from community.members import policy
from community.members.policy import AttachedRule, Rule

from .choices import PostState
from .models import Comment, Thread
from .spaces import SPACE_KINDS

MODERATE_PERMISSION = "discussions.moderate_discussions"


def _space_rule(space):
    return policy.rule_for(space)


def spaces_q(user, p, method="visible_q", prefix=""):
    """Threads (or, with ``prefix``, objects of threads) whose space passes
    the space rule's ``method`` (``visible_q`` or ``known_q``). Each rule
    answers for superusers too: a password-protected page is not theirs
    without its password either."""
    q = Q(pk__in=[])
    for kind in SPACE_KINDS:
        model = kind.model
        rule = policy.rule_for(model)
        allowed = model._default_manager.filter(getattr(rule, method)(user, p))
        q |= Q(**{f"{prefix}{kind.field}__in": allowed.values("pk")})
    return q


class ThreadRule(Rule):
    def can_view(self, user, p, obj):
        if obj.state != PostState.VISIBLE:
            return False
        space = obj.space
        return _space_rule(space).can_view(user, p, space)

    def may_know(self, user, p, obj):
        # A thread of a space one may know of is announced (403: log in or
        # join); one of a secret community is not (404).
        if obj.state == PostState.REMOVED:
            return False
        space = obj.space
        return _space_rule(space).may_know(user, p, space)

    def can_edit(self, user, p, obj):
        return (
            p.authenticated
            and obj.author_id == p.user_id
            and obj.state != PostState.REMOVED
            and not obj.archived
            and _space_rule(obj.space).can_view(user, p, obj.space)
        )

    def can_moderate(self, user, p, obj):
        if not p.authenticated:
            return False
        space = obj.space
        rule = _space_rule(space)
        if rule.can_moderate(user, p, space):
            return True
        return user.has_perm(MODERATE_PERMISSION) and rule.can_view(user, p, space)

    def can_contribute(self, user, p, obj):
        if not (p.authenticated and obj.is_open and self.can_view(user, p, obj)):
            return False
        space = obj.space
        return _space_rule(space).can_contribute(user, p, space)

    def visible_q(self, user, p):
        return Q(state=PostState.VISIBLE) & spaces_q(user, p)

    def known_q(self, user, p):
        return ~Q(state=PostState.REMOVED) & spaces_q(user, p, "known_q")

    def audience(self, obj):
        if obj.state != PostState.VISIBLE:
            return set()
        return set(_space_rule(obj.space).audience(obj.space))

    def known_audience(self, obj):
        if obj.state == PostState.REMOVED:
            return set()
        return set(_space_rule(obj.space).known_audience(obj.space))


class CommentRule(AttachedRule):
    """A comment follows its thread (``AttachedRule``); a hidden or removed
    one shows as a tombstone in the thread and its text is seen by nobody
    (moderators read it in the queue). Its author edits it."""

    target = "discussion"

    def can_view(self, user, p, obj):
        return obj.state == PostState.VISIBLE and super().can_view(user, p, obj)

    def can_edit(self, user, p, obj):
        return (
            p.authenticated
            and obj.user_id == p.user_id
            and obj.state != PostState.REMOVED
            and not obj.discussion.archived
            and ThreadRule().can_view(user, p, obj.discussion)
        )

    def visible_q(self, user, p):
        return Q(state=PostState.VISIBLE) & super().visible_q(user, p)

    def audience(self, obj):
        return super().audience(obj) if obj.state == PostState.VISIBLE else set()


def register():
    policy.register(Thread, ThreadRule)
    policy.register(Comment, CommentRule)
