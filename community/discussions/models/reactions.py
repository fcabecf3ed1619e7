"""Reactions to an opening post or a comment: one per member and kind."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import ReactionKind
from .comments import Comment
from .threads import Thread


class Reaction(models.Model):
    """A member's 👍 or stance (pour, neutre, contre) on a post."""

    thread = models.ForeignKey(
        Thread, null=True, on_delete=models.CASCADE, related_name="reactions"
    )
    comment = models.ForeignKey(
        Comment, null=True, on_delete=models.CASCADE, related_name="reactions"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("réaction"), max_length=12, choices=ReactionKind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("réaction")
        constraints = [
            models.UniqueConstraint(
                fields=["thread", "user", "kind"],
                condition=Q(comment__isnull=True),
                name="one_reaction_per_kind_on_thread",
            ),
            models.UniqueConstraint(
                fields=["comment", "user", "kind"],
                condition=Q(comment__isnull=False),
                name="one_reaction_per_kind_on_comment",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.user}"
