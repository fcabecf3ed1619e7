"""Following things: a member's level on a thread, a space or an item."""

from django.contrib.contenttypes.models import ContentType

from .choices import Level
from .models import Follow
from .registry import is_followable


def follow_of(user, obj):
    if not user.is_authenticated or obj is None:
        return None
    ct = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return Follow.objects.filter(user=user, target_type=ct, target_id=obj.pk).first()


def set_level(user, obj, level):
    """Follow ``obj`` at ``level`` (a member's own choice: no longer automatic)."""
    if level not in Level.values:
        raise ValueError(level)
    if not is_followable(obj):
        raise ValueError(type(obj).__name__)
    ct = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    follow, _created = Follow.objects.update_or_create(
        user=user,
        target_type=ct,
        target_id=obj.pk,
        defaults={"level": level, "automatic": False},
    )
    return follow


def unfollow(user, obj):
    ct = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    Follow.objects.filter(user=user, target_type=ct, target_id=obj.pk).delete()
