from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Follows, the in-app notification centre and e-mail digests: the apps
    above publish events (``notify``), this one decides who hears of them."""

    name = "community.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        # Register this app's RGPD handlers, page sections, followable spaces
        # and periodic digest job, explicitly.
        from home.scheduler import register_periodic

        from . import digests, members_kinds, personal_data, sections, spaces

        members_kinds.register()
        personal_data.register()
        sections.register()
        spaces.register()
        register_periodic(
            "notifications_digests",
            every=timedelta(minutes=15),
            function=digests.run_digests,
        )
