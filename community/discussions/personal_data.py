"""RGPD: what the discussions hold about a member — their threads, comments
and previous versions, reactions, reports and read marks — in « mes données »,
and what erasing the account does: contributions kept under « Membre
supprimé » or deleted (a tombstone keeps the thread's shape), mentions of the
member neutralised in everyone's posts and in previous versions. Mentions
name members by id, so this eraser works whatever the order of erasers (the
account eraser, which renames the account, may run before or after it)."""

from django.db.models import Q

from community.members.personal_data import register_eraser, register_exporter

from . import mentions
from .choices import PostState
from .models import Comment, Mention, Reaction, Report, Revision, Thread, ThreadVisit
from .spaces import space_name


def export_discussions(user):
    threads = Thread.objects.filter(author=user).select_related(
        "community", "team", "challenge"
    )
    comments = Comment.objects.filter(user=user).select_related("discussion")
    return {
        "fils": [
            {
                "titre": thread.title,
                "espace": str(space_name(thread.space)),
                "message": thread.body,
                "ouvert_le": thread.created_at.isoformat(),
                "adresse": thread.get_absolute_url(),
            }
            for thread in threads
        ],
        "messages": [
            {
                "fil": comment.discussion.title,
                "message": comment.comment,
                "etat": comment.get_state_display(),
                "le": comment.submit_date.isoformat(),
                "adresse": comment.get_absolute_url(),
            }
            for comment in comments
        ],
        "versions_precedentes": [
            {
                "titre": revision.title,
                "texte": revision.body,
                "ecrit_le": revision.written_at.isoformat(),
            }
            for revision in Revision.objects.filter(written_by=user)
        ],
        "reactions": [
            {
                "reaction": reaction.get_kind_display(),
                "le": reaction.created_at.isoformat(),
            }
            for reaction in Reaction.objects.filter(user=user)
        ],
        "signalements": [
            {
                "motif": report.get_reason_display(),
                "precisions": report.details,
                "le": report.created_at.isoformat(),
            }
            for report in Report.objects.filter(reporter=user)
        ],
    }


def _rerender(post, thread, text_field):
    from .posting import _render

    post.body_html, _members = _render(getattr(post, text_field), thread)


def neutralise_mentions_of(user):
    """Rewrite every post and previous version that mentions ``user``."""
    marker = f"-{user.pk}"
    for thread in Thread.objects.filter(
        Q(mentions__user=user) | Q(body__contains=marker)
    ).distinct():
        thread.body = mentions.neutralise(thread.body, user.pk)
        _rerender(thread, thread, "body")
        thread.save(update_fields=["body", "body_html"])
    for comment in (
        Comment.objects.filter(Q(mentions__user=user) | Q(comment__contains=marker))
        .select_related("discussion")
        .distinct()
    ):
        comment.comment = mentions.neutralise(comment.comment, user.pk)
        _rerender(comment, comment.discussion, "comment")
        comment.save()
    for revision in Revision.objects.filter(body__contains=marker):
        revision.body = mentions.neutralise(revision.body, user.pk)
        revision.body_html = mentions.neutralise(revision.body_html, user.pk)
        revision.save(update_fields=["body", "body_html"])
    Mention.objects.filter(user=user).delete()


def erase_discussions(user, delete_contributions):
    neutralise_mentions_of(user)
    ThreadVisit.objects.filter(user=user).delete()
    Reaction.objects.filter(user=user).delete()
    # The moderation trail stays, without who reported.
    Report.objects.filter(reporter=user).update(reporter=None)
    if not delete_contributions:
        return
    Revision.objects.filter(Q(comment__user=user) | Q(thread__author=user)).delete()
    for comment in Comment.objects.filter(user=user).exclude(state=PostState.REMOVED):
        comment.state = PostState.REMOVED
        comment.is_removed = True
        comment.comment = ""
        comment.body_html = ""
        comment.save()
    for thread in Thread.objects.filter(author=user):
        if not thread.comments.exists():
            thread.delete()
            continue
        # Others answered: the thread stays for them, its opening post goes.
        thread.body = ""
        thread.body_html = ""
        thread.save(update_fields=["body", "body_html"])


def register():
    register_exporter("discussions", export_discussions)
    register_eraser(erase_discussions)
