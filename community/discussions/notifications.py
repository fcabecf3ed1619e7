"""The discussions' notification event types and followables, registered
with ``community.notifications`` from ``DiscussionsConfig.ready()``.

A thread sits in its space (community, team, défi): following the space at
*suivi* follows its new threads and replies; the thread's own follow, when
there is one, decides. Whoever opens a thread, replies in it or is mentioned
in it follows it (automatically, never over their own choice). What the
notification says quotes the post (digests carry the content) and links to
its anchor.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.notifications import register_event_type, register_followable

from . import events
from .models import Thread


def _thread_of(target, context):
    return context.get("thread") or getattr(target, "discussion", None) or target


def _followables(target, context):
    return [_thread_of(target, context)]


def _text_of(post):
    return getattr(post, "comment", None) or getattr(post, "body", "") or ""


def _describe_thread(actor, thread, context):
    return {
        "verb": _("%(actor)s a ouvert le fil « %(thread)s »")
        % {"actor": actor, "thread": thread.title},
        "excerpt": thread.body,
        "space": str(thread.space_name),
        "url": thread.get_absolute_url(),
    }


def _describe_reply(actor, comment, context):
    thread = _thread_of(comment, context)
    return {
        "verb": _("%(actor)s a répondu dans « %(thread)s »")
        % {"actor": actor, "thread": thread.title},
        "excerpt": comment.comment,
        "space": str(thread.space_name),
        "url": context.get("url") or comment.get_absolute_url(),
    }


def _describe_mention(actor, post, context):
    thread = _thread_of(post, context)
    return {
        "verb": _("%(actor)s vous mentionne dans « %(thread)s »")
        % {"actor": actor, "thread": thread.title},
        "excerpt": _text_of(post),
        "space": str(thread.space_name),
        "url": context.get("url") or post.get_absolute_url(),
    }


def _describe_moderation(actor, target, context):
    thread = context["thread"]
    decision = context["decision"]
    verb = _(
        "Décision de modération sur votre message dans « %(thread)s » : %(action)s"
    ) % {"thread": thread.title, "action": decision.get_action_display()}
    return {
        "verb": verb,
        "excerpt": decision.reason,
        "space": str(thread.space_name),
        "url": thread.get_absolute_url(),
    }


def _actor_follows(actor, target, context):
    return [(actor, _thread_of(target, context))]


def register():
    register_followable(Thread, parents=lambda thread: [thread.space])
    register_event_type(
        events.THREAD,
        gettext_lazy("Nouveaux fils dans les espaces que je suis"),
        followables=lambda thread, context: [thread.space],
        auto_follow=lambda actor, thread, context: [(actor, thread)],
        describe=_describe_thread,
    )
    register_event_type(
        events.ACTIVITY,
        gettext_lazy("Nouveaux messages dans les fils et espaces que je suis"),
        followables=_followables,
        describe=_describe_reply,
        mail_template="discussions/email/reply",
    )
    register_event_type(
        events.REPLY,
        gettext_lazy("Réponses à mes messages"),
        personal=True,
        watchers_as=events.ACTIVITY,
        followables=_followables,
        auto_follow=_actor_follows,
        describe=_describe_reply,
        mail_template="discussions/email/reply",
    )
    register_event_type(
        events.MENTION,
        gettext_lazy("Mentions de mon nom"),
        personal=True,
        followables=_followables,
        auto_follow=lambda actor, post, context: [
            (user, _thread_of(post, context)) for user in context.get("members", ())
        ],
        to_watchers=False,
        describe=_describe_mention,
        mail_template="discussions/email/mention",
    )
    register_event_type(
        events.MODERATION,
        gettext_lazy("Décisions de modération sur mes messages"),
        personal=True,
        followables=lambda target, context: [],
        check_visibility=False,
        describe=_describe_moderation,
        mail_template="discussions/email/moderation",
    )
