"""@mentions: which member a post names (only members who may see it)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .comments import Comment
from .threads import Thread


class Mention(models.Model):
    """A member named with @ in a post, who could see the post when it was written."""

    thread = models.ForeignKey(
        Thread, null=True, on_delete=models.CASCADE, related_name="mentions"
    )
    comment = models.ForeignKey(
        Comment, null=True, on_delete=models.CASCADE, related_name="mentions"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("mention")
        constraints = [
            models.UniqueConstraint(
                fields=["thread", "user"],
                condition=Q(comment__isnull=True),
                name="one_mention_per_member_on_thread",
            ),
            models.UniqueConstraint(
                fields=["comment", "user"],
                condition=Q(comment__isnull=False),
                name="one_mention_per_member_on_comment",
            ),
        ]

    def __str__(self):
        return f"@{self.user} — {self.comment or self.thread}"
