"""What of a member's profile a given viewer may see (the field visibilities)."""

from django.db.models import Q

from .choices import Visibility
from .models.users import VISIBLE_FIELDS


def allowed_visibilities(viewer, owner=None):
    """The visibility levels ``viewer`` passes for ``owner``'s profile."""
    if (
        owner is not None
        and viewer.is_authenticated
        and (viewer.pk == owner.pk or viewer.is_superuser)
    ):
        return {Visibility.PUBLIC, Visibility.MEMBERS, Visibility.HIDDEN}
    if viewer.is_authenticated:
        return {Visibility.PUBLIC, Visibility.MEMBERS}
    return {Visibility.PUBLIC}


def visible_fields(viewer, profile):
    """Names of the profile fields ``viewer`` may see."""
    allowed = allowed_visibilities(viewer, profile.user)
    return {name for name in VISIBLE_FIELDS if profile.visibility_of(name) in allowed}


def field_visible_q(field_name, viewer, prefix="profile__"):
    """A filter keeping the profiles whose ``field_name`` ``viewer`` may see, so a
    search or filter never matches on a value hidden from the person searching."""
    return Q(**{f"{prefix}{field_name}_visibility__in": allowed_visibilities(viewer)})
