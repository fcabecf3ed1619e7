from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    """Fils de discussion in e-communautés, teams and on défis, with threaded
    comments (django-comments-xtd), reactions, mentions, edit history and
    moderation."""

    name = "community.discussions"
    label = "discussions"
    verbose_name = _("Discussions")

    def ready(self):
        # Register this app's permission rules, RGPD handlers, activity
        # source, search adapters and page sections, explicitly.
        from . import (
            activity,
            asking,
            notifications,
            personal_data,
            rules,
            search_adapters,
            sections,
        )

        rules.register()
        personal_data.register()
        activity.register()
        search_adapters.register()
        sections.register()
        asking.register()
        if apps.is_installed("community.notifications"):
            notifications.register()
        _keep_reply_visibility_local()


def _keep_reply_visibility_local():
    """django-comments-xtd hides or re-publishes a comment's whole subtree on
    every save of an existing comment (and adds its nested count to earlier
    comments each time). Here a hidden or deleted comment leaves a tombstone
    and its replies stay: disconnect that receiver. This app comes after
    django_comments_xtd in INSTALLED_APPS so that the receiver is connected
    by then (a test checks it stays disconnected)."""
    from django.db.models.signals import pre_save

    from django_comments_xtd.models import publish_or_unpublish_on_pre_save

    from .models import Comment

    pre_save.disconnect(publish_or_unpublish_on_pre_save, sender=Comment)
