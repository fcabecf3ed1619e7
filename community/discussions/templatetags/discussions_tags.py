from django import template
from django.urls import reverse

from ..spaces import kind_of

register = template.Library()


@register.simple_tag
def space_threads_url(space):
    """The thread list of ``space``."""
    return reverse("discussions:space", args=[kind_of(space).key, space.slug])


@register.simple_tag
def new_thread_url(space):
    return reverse("discussions:new_thread", args=[kind_of(space).key, space.slug])


@register.filter
def author_name(user):
    from django.utils.translation import gettext

    return str(user) if user is not None else gettext("Membre supprimé")
