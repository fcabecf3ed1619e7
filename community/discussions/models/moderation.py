"""Reports (« signaler ») by members, and the moderators' decisions, each
logged with who and why."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import ModerationAction, ReportReason, ReportStatus
from .comments import Comment
from .threads import Thread


class Report(models.Model):
    """A member's report of a post, with a reason; one per member and post."""

    thread = models.ForeignKey(
        Thread, null=True, on_delete=models.CASCADE, related_name="reports"
    )
    comment = models.ForeignKey(
        Comment, null=True, on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("signalé par"),
    )
    reason = models.CharField(_("motif"), max_length=20, choices=ReportReason.choices)
    details = models.TextField(_("précisions"), max_length=1000, blank=True)
    status = models.CharField(
        _("état"),
        max_length=10,
        choices=ReportStatus.choices,
        default=ReportStatus.PENDING,
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("signalement")
        constraints = [
            models.UniqueConstraint(
                fields=["thread", "reporter"],
                condition=Q(comment__isnull=True),
                name="one_report_per_member_on_thread",
            ),
            models.UniqueConstraint(
                fields=["comment", "reporter"],
                condition=Q(comment__isnull=False),
                name="one_report_per_member_on_comment",
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} — {self.target}"

    @property
    def target(self):
        return self.comment if self.comment_id else self.thread


class ModerationDecision(models.Model):
    """What a moderator did to a post or a thread, and why (the log)."""

    thread = models.ForeignKey(
        Thread, null=True, on_delete=models.CASCADE, related_name="decisions"
    )
    comment = models.ForeignKey(
        Comment, null=True, on_delete=models.CASCADE, related_name="decisions"
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("modérateur"),
    )
    action = models.CharField(
        _("décision"), max_length=10, choices=ModerationAction.choices
    )
    reason = models.TextField(_("motif"), max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("décision de modération")
        verbose_name_plural = _("décisions de modération")

    def __str__(self):
        return f"{self.get_action_display()} — {self.target}"

    @property
    def target(self):
        return self.comment if self.comment_id else self.thread
