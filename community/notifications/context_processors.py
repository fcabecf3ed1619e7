"""The header's unread count: read lazily, in one query, only when the page
shows it (the header of a logged-in member), however often it is used."""

from django.utils.functional import cached_property


class UnreadCount:
    def __init__(self, user):
        self.user = user

    @cached_property
    def count(self):
        from .models import Notification

        return Notification.objects.filter(
            recipient_id=self.user.pk, read_at__isnull=True
        ).count()


def unread_notifications(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"notifications_unread": UnreadCount(user)}
