"""``{% follow_button obj %}``: follow or change the level on a followable
page (thread, community, team, défi, item), for a logged-in member."""

from django import template
from django.contrib.contenttypes.models import ContentType

from ..choices import Level
from ..following import follow_of
from ..registry import is_followable

register = template.Library()

_UNSET = object()


@register.inclusion_tag("notifications/includes/follow_button.html", takes_context=True)
def follow_button(context, obj, follow=_UNSET, next=None):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not is_followable(obj):
        return {"hidden": True}
    if follow is _UNSET:
        follow = follow_of(user, obj)
    return {
        "csrf_token": context.get("csrf_token"),
        "type_id": ContentType.objects.get_for_model(obj, for_concrete_model=False).pk,
        "object_id": obj.pk,
        "name": str(obj),
        "follow": follow,
        "levels": Level.choices,
        "next": next or (request.get_full_path() if request else ""),
    }


@register.simple_tag
def followable_url(obj):
    if hasattr(obj, "get_absolute_url"):
        return obj.get_absolute_url()
    return getattr(obj, "url", "") or ""
