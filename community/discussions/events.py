"""What the discussions tell members: a reply to their post, a mention, a
moderation decision about their post. The one place where these are
published; each is sent after the transaction commits, through the one mail
sender, and only to members the policy still lets see the post at send time.

When the notifications app (``community.notifications``) is installed, these
become its events (``notify(...)``, types registered by ``notifications.py``),
which then decides who gets what and how — the followers of the thread or of
its space included, so a new thread is published even with nobody named.
"""

import contextlib
import contextvars

from django.apps import apps
from django.db import transaction

from community.members import policy
from home.mail import send_templated_mail

THREAD = "discussions.thread"
REPLY = "discussions.reply"
# A reply seen by those who only follow its thread or space.
ACTIVITY = "discussions.activity"
MENTION = "discussions.mention"
MODERATION = "discussions.moderation"

_quiet = contextvars.ContextVar("discussions_quiet", default=False)


@contextlib.contextmanager
def quiet():
    """Publish nothing within this block (the demo content, written at once)."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def _publish(event_type, actor, target, recipients, context):
    recipients = [r for r in recipients if r is not None and r != actor]
    if _quiet.get():
        return
    notifications = apps.is_installed("community.notifications")
    if not recipients and not notifications:
        return

    def send():
        if notifications:
            from community.notifications import notify

            notify(event_type, actor, target, recipients=recipients, context=context)
            return
        thread = context["thread"]
        for recipient in recipients:
            if not recipient.is_active or recipient.is_deleted:
                continue
            # A decision about one's own post reaches its author even when
            # the post is hidden; everything else needs the thread visible.
            if event_type != MODERATION and not policy.can_view(recipient, thread):
                continue
            send_templated_mail(
                f"discussions/email/{event_type.split('.')[1]}",
                [recipient.email],
                {**context, "recipient": recipient, "actor": actor},
            )

    transaction.on_commit(send)


def thread_started(thread):
    """A new thread: those who follow its space hear of it."""
    _publish(
        THREAD,
        thread.author,
        thread,
        [],
        {"thread": thread, "url": thread.get_absolute_url()},
    )


def comment_posted(comment, parent_author=None):
    """A reply: its parent's author (or the thread's author) hears of it."""
    thread = comment.discussion
    recipient = parent_author if parent_author is not None else thread.author
    _publish(
        REPLY,
        comment.user,
        comment,
        [recipient],
        {"thread": thread, "comment": comment, "url": comment.get_absolute_url()},
    )


def members_mentioned(post, thread, members, actor):
    members = list(members)
    if not members:
        return
    url = post.get_absolute_url()
    _publish(
        MENTION,
        actor,
        post,
        list(members),
        {"thread": thread, "post": post, "url": url, "members": list(members)},
    )


def moderation_decided(decision, author):
    thread = decision.thread or decision.comment.discussion
    _publish(
        MODERATION,
        decision.moderator,
        decision.target,
        [author],
        {
            "thread": thread,
            "decision": decision,
            "url": thread.get_absolute_url(),
        },
    )
