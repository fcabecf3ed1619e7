"""Atom feeds of the latest threads of a community or a défi: only what an
anonymous visitor may read (the policy asked as an anonymous visitor), so a
feed never carries a restricted space's thread whoever fetches it."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from community.members import policy

from .models import Thread
from .spaces import BY_KEY, space_name, space_url

FEED_LENGTH = 30


class SpaceThreadsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, kind, slug):
        kind_ = BY_KEY.get(kind)
        if kind_ is None or kind_.key == "equipe":  # teams are never public
            raise Http404
        space = kind_.get(slug)
        if space is None or not policy.can_view(AnonymousUser(), space):
            raise Http404
        return getattr(space, "specific", space)

    def title(self, space):
        return _("Fils de discussion — %(space)s") % {"space": space_name(space)}

    def link(self, space):
        return space_url(space)

    def feed_url(self, space):
        from .spaces import kind_of

        return reverse("discussions:feed", args=[kind_of(space).key, space.slug])

    def items(self, space):
        threads = Thread.objects.in_space(space).select_related("author")
        return policy.visible_to(threads, AnonymousUser()).order_by("-created_at")[
            :FEED_LENGTH
        ]

    def item_title(self, thread):
        return thread.title

    def item_description(self, thread):
        return Truncator(strip_tags(thread.body_html)).words(60)

    def item_link(self, thread):
        return thread.get_absolute_url()

    def item_pubdate(self, thread):
        return thread.created_at

    def item_updateddate(self, thread):
        return thread.last_activity_at

    def item_author_name(self, thread):
        return str(thread.author) if thread.author else _("Membre supprimé")
