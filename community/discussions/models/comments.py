"""Comments (django-comments-xtd's threaded model, extended) and the previous
versions of every edited post.

django-comments-xtd keeps the tree: ``thread_id`` (the top-level comment),
``parent_id``, ``level`` (0 to COMMENTS_XTD_MAX_THREAD_LEVEL) and ``order``
(the display order inside a top-level comment's subtree), computed when a
comment is first saved. This model adds what the discussions need on top.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from django_comments_xtd.models import XtdComment

from ..choices import PostState
from .threads import Thread


class CommentQuerySet(models.QuerySet):
    def visible_to(self, user):
        from community.members import policy

        return policy.visible_to(self, user)


class Comment(XtdComment):
    """A reply in a thread (at any depth up to three), with its rendered text,
    its moderation state and its edit trail."""

    # Named explicitly: the default reverse name, ``comment``, is a field of
    # the parent model.
    xtdcomment_ptr = models.OneToOneField(
        XtdComment,
        parent_link=True,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="discussion_comment",
    )
    discussion = models.ForeignKey(
        Thread,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("fil de discussion"),
    )
    body_html = models.TextField(editable=False, default="")
    state = models.CharField(
        _("état"), max_length=10, choices=PostState.choices, default=PostState.VISIBLE
    )
    replied_to = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Le message auquel on répond, quand la réponse est rattachée plus "
            "haut parce que la profondeur maximale est atteinte."
        ),
    )
    edited_at = models.DateTimeField(_("modifié le"), null=True, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return f"{self.discussion} — #{self.pk}"

    def get_absolute_url(self):
        """A permalink that opens the right page of the thread at this comment."""
        return reverse("discussions:comment", args=[self.pk])

    @property
    def anchor(self):
        return f"message-{self.pk}"

    @property
    def is_visible(self):
        return self.state == PostState.VISIBLE

    @property
    def depth(self):
        return self.level + 1


class Revision(models.Model):
    """A previous version of a thread's opening post or of a comment: every
    edit keeps the version it replaces, shown to whoever can see the post."""

    thread = models.ForeignKey(
        Thread, null=True, on_delete=models.CASCADE, related_name="revisions"
    )
    comment = models.ForeignKey(
        Comment, null=True, on_delete=models.CASCADE, related_name="revisions"
    )
    title = models.CharField(_("titre"), max_length=200, blank=True)
    body = models.TextField(_("texte"))
    body_html = models.TextField(default="")
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("écrit par"),
    )
    written_at = models.DateTimeField(_("écrit le"))

    class Meta:
        ordering = ["-written_at", "-pk"]
        verbose_name = _("version précédente")
        verbose_name_plural = _("versions précédentes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(thread__isnull=False, comment__isnull=True)
                | models.Q(thread__isnull=True, comment__isnull=False),
                name="revision_of_one_post",
            )
        ]

    def __str__(self):
        return f"{self.comment or self.thread} — {self.written_at:%Y-%m-%d %H:%M}"
