"""Feedback on entries: django-comments-xtd's comments, attached to an entry
through its generic foreign key. A proxy model, so that the policy has a rule
of its own for them (the discussions app will own the comment machinery; see
the README)."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from django_comments_xtd.models import XtdComment


class EntryCommentManager(models.Manager):
    def get_queryset(self):
        from .carnets import Entry

        return (
            super()
            .get_queryset()
            .filter(content_type=ContentType.objects.get_for_model(Entry))
        )


class EntryComment(XtdComment):
    """A comment on a carnet entry (a member's or a facilitator's feedback)."""

    objects = EntryCommentManager()

    class Meta:
        proxy = True
        ordering = ["submit_date", "pk"]
        verbose_name = _("retour sur une entrée")
        verbose_name_plural = _("retours sur les entrées")

    @property
    def entry_id(self):
        return int(self.object_pk)
